/**
 * Builds the site once (unless E2E_SKIP_BUILD=1 and dist/ exists) and serves dist/ for every
 * browser test; the address reaches tests through `inject('baseUrl')`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../support/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dist = path.resolve('dist');
  if (!(process.env['E2E_SKIP_BUILD'] === '1' && fs.existsSync(dist))) {
    execFileSync('npx', ['astro', 'build'], { stdio: 'inherit' });
  }
  const server = await serveStatic(dist);
  project.provide('baseUrl', server.url);
  return () => server.close();
}
