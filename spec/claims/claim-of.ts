// The ledger's claims as the specs of the subjects read them: one by id, or a variant with changed fields.
import { loadLedger, type Claim } from '../../src/claims/ledger.ts';

const ledger = loadLedger();

export const claimOf = (id: string): Claim => {
  const c = ledger.claims.find((x) => x.id === id);
  if (!c) throw new Error(`no claim '${id}' in the ledger`);
  return c;
};

export const variantOf = (id: string, change: Partial<Claim> & { params?: Record<string, unknown> }): Claim => {
  const c = claimOf(id);
  return { ...c, ...change, params: { ...c.params, ...(change.params ?? {}) } };
};
