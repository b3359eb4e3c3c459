import fc from 'fast-check';

// Replay a failing property run: FC_SEED=<seed printed by fast-check> [FC_PATH=<path>] npm test
const seed = process.env.FC_SEED;
if (seed !== undefined && seed !== '') {
  fc.configureGlobal({
    seed: Number(seed),
    ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}),
  });
}
