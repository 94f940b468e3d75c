// The local grading engine: grade a learner's files against an exercise's tests in a throw-away
// folder under limits, with per-test results from a structured reporter. No vscode here: the
// exercises feature and the `codementor` CLI both call it.
export { gradeExercise, parseReport, prewarmGrading, summarize, waitingSpec } from './grade';
export { WarmPool, type WarmPoolOptions, type WarmSpec } from './warm';
export { clearRuntimeCache, findRuntime, locate, missingRuntimeMessage, type FindRuntimeOptions } from './runtimes';
export { isSecretName, sandboxEnv } from './env';
export { killProcessTree, runProcess, type RunOutcome, type RunRequest, type StopReason } from './process';
export { defaultMemoryLimitMb, defaultOutputLimitBytes, harnessFiles, type GradeOptions, type ReportEvent, type ReportLocation, type RuntimeName, type RuntimeSpec } from './types';
export { validateExercise, validateExercises, type RunSummary, type ValidationEntry } from './validate';
