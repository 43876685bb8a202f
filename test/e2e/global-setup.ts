/**
 * Builds the site once (unless E2E_SKIP_BUILD=1 and the output exists) and serves it for every
 * browser test; the address reaches tests through `inject('baseUrl')`. E2E_DIST picks another
 * output folder, so two builds never write over each other.
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
  const dist = path.resolve(process.env['E2E_DIST'] ?? 'dist');
  if (!(process.env['E2E_SKIP_BUILD'] === '1' && fs.existsSync(dist))) {
    execFileSync('npx', ['astro', 'build', '--outDir', dist], { stdio: 'inherit' });
  }
  const server = await serveStatic(dist);
  project.provide('baseUrl', server.url);
  return () => server.close();
}
