// The protocols stage: golden/protocols/*.json as typed protocols and profiles (Appendix A's settings, with the
// paper's wording beside each field in the files). The only door other stages use.
export {
  DEFAULT_NUMERICS,
  MAX_EPOCHS,
  PROFILES,
  PROTOCOL_LIMITS,
  PROTOCOLS,
  PROTOCOL_DIR,
  PROTOCOL_FILES,
  PROTOCOL_NAMES,
  applyOverrides,
  dataSeedFor,
  isProtocolName,
  loadProtocolFile,
  numericsOf,
  profileSeeds,
  protocolForProfile,
  protocolOf,
} from './protocols.ts';
export type {
  CheckpointRule,
  DataSeedScheme,
  EscapeRuleName,
  Profile,
  ProfileSettings,
  Protocol,
  ProtocolFile,
  ProtocolName,
  ReferenceDescent,
  RunOverrides,
} from './protocols.ts';
export { protocolVariant, variantSeeds } from './variant.ts';
export type { RunVariant } from './variant.ts';
export { PHASE_DIAGRAM_FILE, PHASE_DIAGRAM_PATH, gridBetas, loadPhaseDiagramFile, phaseDiagramSeeds, seedsOf } from './phase-diagram-protocol.ts';
export type { PhaseDiagramFile, PhaseDiagramProfile, PhaseDiagramProtocol, SeedRange, SweepConvergence } from './phase-diagram-protocol.ts';
export { ARRHENIUS_SWEEP_PATH, loadArrheniusSweep } from './arrhenius-sweep.ts';
export type { ArrheniusSweepFile } from './arrhenius-sweep.ts';
export { ONE_WAY_JUMPS_PATH, loadOneWayJumps } from './one-way-jumps.ts';
export type { JumpGroup, OneWayJumpsFile } from './one-way-jumps.ts';
export { ESCAPE_CONTROLS_PATH, kramersControlProtocol, loadEscapeControls, networkControlProtocol } from './escape-controls.ts';
export type { EscapeControlsFile, EscapeControlsProfile, KramersControlSettings, NetworkControlDepth } from './escape-controls.ts';
export { STAGED_PATH, loadStaged, stagedEscapeProtocol } from './staged.ts';
export type { PlateauTraining, StagedFile, StagedPlateauSettings, StagedProfile } from './staged.ts';
export { NONLINEAR_PATH, loadNonlinear } from './nonlinear.ts';
export type { NonlinearFile, NonlinearProfile, TrapReading } from './nonlinear.ts';
