/**
 * The analysis core: plain strings in, plain objects out. Never imports `vscode` or Node built-ins.
 */
export * from './types';
export { analyze } from './analyze';
export { ATTRIBUTION_RULES, attributionRule, type AttributionRule, type AttributionRuleId, type AttributionStage, type TriedStep } from './attributionRules';
