// ml-logistic-regression ships no types; this is the part of its API the project uses.
declare module 'ml-logistic-regression' {
  import type { Matrix } from 'ml-matrix';
  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number });
    classifiers: { weights: Matrix }[];
    train(x: Matrix, y: Matrix): void;
  }
}
