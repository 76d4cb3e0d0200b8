import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runStoppable } from './stoppable.js';

/**
 * The Go programs the services script builds once from the Go module proxy into `<cache>/bin`, each at a pinned
 * version: FerretDB (the MongoDB-wire server, and the test suite's throwaway servers), Mailpit (local SMTP with a
 * web UI) and stripe-mock (the billing tests' Stripe).
 */
export const FERRETDB_VERSION = 'v1.24.2';
export const MAILPIT_MODULE = 'github.com/axllent/mailpit@v1.33.1';
export const STRIPE_MOCK_MODULE = 'github.com/stripe/stripe-mock@v0.203.0';

type Log = (message: string) => void;

const hasGo = () => spawnSync('sh', ['-c', 'command -v go'], { stdio: 'ignore' }).status === 0;

async function goInstall(module: string, bin: string): Promise<boolean> {
  mkdirSync(bin, { recursive: true });
  const ended = await runStoppable('go', ['install', module], {
    env: { ...process.env, GOBIN: bin, GOFLAGS: '-buildvcs=false' },
  });
  return ended.code === 0;
}

async function goBuildFerretdb(cacheDir: string, binary: string, log: Log): Promise<void> {
  if (!hasGo()) throw new Error('FerretDB must be built but `go` is not on PATH (install Go >= 1.24)');
  log(`building FerretDB ${FERRETDB_VERSION} from the Go module proxy (once; cached at ${binary})`);
  const info = JSON.parse(
    execFileSync('go', ['mod', 'download', '-json', `github.com/FerretDB/FerretDB@${FERRETDB_VERSION}`], {
      encoding: 'utf8',
    }),
  ) as { Dir: string };
  const src = path.join(cacheDir, 'ferretdb-src');
  rmSync(src, { recursive: true, force: true });
  cpSync(info.Dir, src, { recursive: true });
  execFileSync('chmod', ['-R', 'u+w', src]);
  writeFileSync(path.join(src, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
  const build = async (extraEnv: Record<string, string>) =>
    (
      await runStoppable('go', ['build', '-buildvcs=false', '-trimpath', '-o', binary, './cmd/ferretdb'], {
        cwd: src,
        env: { ...process.env, CGO_ENABLED: '0', ...extraEnv },
      })
    ).code === 0;
  if (!(await build({}))) {
    log('build with the machine Go failed; retrying with GOTOOLCHAIN=go1.24.3');
    if (!(await build({ GOTOOLCHAIN: 'go1.24.3' })))
      throw new Error('go build of FerretDB failed (see the output above)');
  }
  chmodSync(binary, 0o755);
  rmSync(src, { recursive: true, force: true });
}

/** The FerretDB binary, built when missing. */
export async function ensureFerretdbBinary(cacheDir: string, log: Log): Promise<string> {
  const binary = path.join(cacheDir, 'bin', 'ferretdb');
  if (!existsSync(binary)) {
    mkdirSync(path.dirname(binary), { recursive: true });
    await goBuildFerretdb(cacheDir, binary, log);
  }
  return binary;
}

/** Mailpit, built when missing; undefined (with the command to run printed) when it cannot be. */
export async function ensureMailpitBinary(cacheDir: string, log: Log): Promise<string | undefined> {
  const bin = path.join(cacheDir, 'bin');
  const binary = path.join(bin, 'mailpit');
  if (existsSync(binary)) return binary;
  const command = `GOBIN=${bin} GOFLAGS=-buildvcs=false go install ${MAILPIT_MODULE}`;
  if (!hasGo()) {
    log(`Mailpit is missing and \`go\` is not on PATH; install Go >= 1.24, then run: ${command}`);
    return undefined;
  }
  log(`building Mailpit from the Go module proxy (once, about a minute; cached at ${binary})`);
  if (!(await goInstall(MAILPIT_MODULE, bin)) || !existsSync(binary)) {
    log(`building Mailpit failed (see above); run: ${command}`);
    return undefined;
  }
  return binary;
}

/**
 * stripe-mock, which only the billing tests run: built when missing or when the cached one is of another version
 * (the version is recorded beside it: a build from source reports itself as `master`).
 */
export async function ensureStripeMock(cacheDir: string, log: Log): Promise<void> {
  const bin = path.join(cacheDir, 'bin');
  const binary = path.join(bin, 'stripe-mock');
  const versionFile = `${binary}.version`;
  const cached = existsSync(versionFile) ? readFileSync(versionFile, 'utf8').trim() : undefined;
  if (existsSync(binary) && cached === STRIPE_MOCK_MODULE) return;
  if (!hasGo()) {
    log('stripe-mock is missing and `go` is not on PATH: the billing tests will fail until it is built');
    return;
  }
  log(`building ${STRIPE_MOCK_MODULE} from the Go module proxy (once; cached at ${binary})`);
  if (await goInstall(STRIPE_MOCK_MODULE, bin)) writeFileSync(versionFile, `${STRIPE_MOCK_MODULE}\n`);
  else log('building stripe-mock failed (see above): the billing tests will fail');
}
