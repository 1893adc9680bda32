import { spawn } from 'node:child_process';

// The audit command as a consultant or a CI job runs it: a child process, its output and its exit code.

export interface AuditRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runAudit(args: string[], timeoutMs = 120_000): Promise<AuditRun> {
  return new Promise((done) => {
    // As `npm run audit` runs it: node with tsx's loader, one process (see package.json).
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/audit/main.ts', ...args], {
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}
