import { PROTOCOLS, type Protocol, type ProtocolName } from '../../src/protocols/protocols.ts';

/** A protocol shrunk for fast tests: small data, short checkpoint stages and runs. */
export function tinyProtocol(name: ProtocolName = 'rank1-trap'): Protocol {
  const p = PROTOCOLS[name];
  return {
    ...p,
    data: p.data.kind === 'iid' ? { kind: 'iid', trainCount: 128, testCount: 128 } : { ...p.data, poolCount: 200, testCount: 500 },
    epochs: 40,
    checkpoint: { ...p.checkpoint, epochsPerStage: 60 },
    referenceDescent: { ...p.referenceDescent, maxSteps: 3000 },
  };
}
