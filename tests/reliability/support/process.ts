import { rmSync } from 'node:fs';
import { startServerProcess, type ServerProcess } from '../../support/server-process';

/**
 * The real server as a child process, serving the API only: these suites
 * need no built client, and must not depend on whether (or while) another
 * suite is building one.
 */
export function startApiProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  return startServerProcess({ CLIENT_DIST: '', ...env });
}

/** SIGKILL and wait for the process to be gone; removes the empty data folder it was given. */
export async function killHard(server: ServerProcess): Promise<void> {
  if (server.process.exitCode === null && server.process.signalCode === null) {
    const exited = new Promise((r) => server.process.once('exit', r));
    server.process.kill('SIGKILL');
    await exited;
  }
  rmSync(server.dataDir, { recursive: true, force: true });
}
