// The pipeline: selected claims → plan → run → evaluate → render, shared by the CLI and the scripts.
export { collectFigures, evaluatePlan, planFor, renderAudit, runPlan } from './audit.ts';
export type { Audit, AuditOptions } from './audit.ts';
export { formatPlan, planAudit, planTotals, shardPlan } from './plan.ts';
export type { Plan, PlanTotals, PlannedJob } from './plan.ts';
