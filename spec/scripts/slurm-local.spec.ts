import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The sharded recipe in its three places: scripts/slurm/* (what scripts/slurm-local.sh submits), REPRODUCE.md's
// "Sharded runs" (which shows those files) and the GitHub workflow (whose shard and merge commands are theirs).
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const JOB_FILES = ['shards.sbatch', 'report.sbatch', 'submit.sh'];
const WORKFLOWS = readdirSync(join(ROOT, '.github/workflows')).filter((name) => name.endsWith('.yml'));
const VALIDATOR = join(ROOT, 'node_modules/.bin/action-validator');

/** The ```sh blocks of REPRODUCE.md's "Sharded runs" section. */
function shardedRunBlocks(): string[] {
  const doc = read('REPRODUCE.md');
  const start = doc.indexOf('## Sharded runs');
  const section = doc.slice(start, doc.indexOf('\n## ', start + 1));
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

/** The lines of a job file that run the audit: the shard's reproduce and the report's merge. */
function commandOf(text: string, prefix: string): string {
  const lines = text.split('\n').filter((line) => line.trim().startsWith(prefix));
  expect(lines, `one line starting ${prefix}`).toHaveLength(1);
  return lines[0]!.trim().split(' && ')[0]!;
}

/** The shell lines of a workflow's steps: `run: X` lines and the lines of `run: |` blocks, trimmed. */
function workflowRuns(name: string): string[] {
  return read(`.github/workflows/${name}`)
    .split('\n')
    .map((line) => line.trim().replace(/^run: /, ''));
}

describe('the Slurm recipe', () => {
  it('REPRODUCE.md shows the job files of scripts/slurm as they are, and nothing else', () => {
    expect(shardedRunBlocks()).toEqual(JOB_FILES.map((name) => read(`scripts/slurm/${name}`)));
  });

  it('the GitHub workflow runs the shard and merge commands of the job files word for word', () => {
    const runs = workflowRuns('reproduce-sharded.yml');
    const shard = commandOf(read('scripts/slurm/shards.sbatch'), 'npm run reproduce');
    const merge = commandOf(read('scripts/slurm/report.sbatch'), 'npx metastable cache merge');
    expect(shard).toContain('--shard "$SHARD/$SHARDS"');
    expect(runs).toContain(shard);
    expect(runs).toContain(merge);
    // The variables both commands read, set for every job; and the report only once every shard has succeeded.
    const workflow = read('.github/workflows/reproduce-sharded.yml');
    expect(workflow).toMatch(/\nenv:\n(  [A-Z]+: .*\n)*  SHARDS: \$\{\{ inputs\.shards \}\}\n/);
    expect(workflow).toMatch(/\nenv:\n(  [A-Z]+: .*\n)*  PROFILE: \$\{\{ inputs\.profile \}\}\n/);
    expect(workflow).toMatch(/\n  report:\n    needs: shard\n/);
  });

  it('slurm-local.sh refuses bad arguments with one line and exit 2, before installing or starting anything', () => {
    for (const args of [['--shards', '0'], ['--shards'], ['--profile', 'huge'], ['--fail-shard', '4'], ['--frobnicate']]) {
      const r = spawnSync('bash', [join(ROOT, 'scripts/slurm-local.sh'), ...args], { encoding: 'utf8', timeout: 10_000 });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^slurm-local: /);
    }
  });
});

describe('the GitHub workflows', () => {
  const validate = (path: string) => spawnSync(VALIDATOR, [path], { encoding: 'utf8', timeout: 60_000 });

  it.each(WORKFLOWS)('%s is valid against the workflow schema', (name) => {
    const r = validate(join(ROOT, '.github/workflows', name));
    expect(r.stderr + r.stdout).toBe('');
    expect(r.status).toBe(0);
  });

  it('the validator refuses a workflow the schema forbids (a job without runs-on, a misspelt key)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'workflow-'));
    const broken = read('.github/workflows/reproduce-sharded.yml').replace('    runs-on: ubuntu-latest\n', '    run-on: ubuntu-latest\n');
    expect(broken).not.toBe(read('.github/workflows/reproduce-sharded.yml'));
    writeFileSync(join(dir, 'broken.yml'), broken);
    expect(validate(join(dir, 'broken.yml')).status).not.toBe(0);
  });
});
