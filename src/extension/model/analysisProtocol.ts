/**
 * The messages between the extension host and the analysis worker, and the job the worker runs.
 * Both sides import this module. It uses neither `vscode` nor Node built-ins, so a web worker can
 * run the same job later; the worker entry only wires `runAnalysisJob` to its message port.
 */
import { analyze, type Entity } from '../../core';
import { buildSidecar, serializeSidecar, type Annotation, type Sidecar } from '../../sidecar';

/** Where a job ran: in the analysis worker, or in the extension host (the fallback). */
export type RanIn = 'worker' | 'extension host';

/** Host → worker: analyse `text` and build its sidecar. */
export interface AnalysisRequest {
  readonly kind: 'analyze';
  readonly id: number;
  readonly text: string;
  /** The document path written into the sidecar. */
  readonly docPath: string;
  /** SHA-256 of `text`, computed by the host (the sidecar layer takes the hash as data). */
  readonly documentHash: string;
  /** Entities already known for the document: their names are recognised and their ids reused. */
  readonly knownEntities: readonly Entity[];
  /** The current annotations: manual and reviewed ones are kept (re-anchored), suggestions replaced. */
  readonly previous?: Sidecar;
}

export interface AnalysisCounts {
  readonly quotes: number;
  readonly mentions: number;
  readonly figures: number;
}

/** What a job gives the host: the sidecar built, how much was found, and where and how long it ran. */
export interface AnalysisResult {
  readonly sidecar: Sidecar;
  readonly counts: AnalysisCounts;
  /** Time spent analysing and building, in the clock of where it ran. */
  readonly ms: number;
  readonly ranIn: RanIn;
}

/** Host → worker: the next annotations of the result of request `id`. */
export interface ChunkRequest {
  readonly kind: 'more';
  readonly id: number;
}

export type HostMessage = AnalysisRequest | ChunkRequest;

/** Worker → host, once, when the worker has loaded and listens: start-up succeeded. */
export interface WorkerReady {
  readonly kind: 'ready';
}

/**
 * Worker → host: request `id` is done. The sidecar comes without its annotations; the host asks
 * for them `ANNOTATIONS_PER_CHUNK` at a time, because receiving (structured-clone decoding) all
 * 25,000 annotations of a 1 MB article in one message blocks the host thread for 0.3–0.5 s.
 */
export interface AnalysisHead {
  readonly kind: 'done';
  readonly id: number;
  readonly sidecar: Sidecar;
  readonly annotationCount: number;
  /**
   * `serializeSidecar` of the whole sidecar, printed in the worker: the host writes or compares
   * it without printing the sidecar again on its own thread (see `SidecarJson`).
   */
  readonly json: string;
  readonly counts: AnalysisCounts;
  readonly ms: number;
}

/** Worker → host: the next annotations of request `id`'s sidecar. */
export interface AnnotationChunk {
  readonly kind: 'annotations';
  readonly id: number;
  readonly annotations: Annotation[];
}

/** Worker → host: request `id` failed (the worker keeps running). */
export interface AnalysisFailed {
  readonly kind: 'failed';
  readonly id: number;
  readonly message: string;
}

export type WorkerMessage = WorkerReady | AnalysisHead | AnnotationChunk | AnalysisFailed;

export const WORKER_READY: WorkerReady = { kind: 'ready' };

/** Annotations per message: decoding 500 takes a few milliseconds on the host. */
export const ANNOTATIONS_PER_CHUNK = 500;

type Outcome = AnalysisResult | { readonly failed: string };

/**
 * Runs one request (the worker's whole job; also the in-process fallback). Never throws. Only the
 * annotations the analysis keeps are needed from `previous` (the caller may send just those).
 */
export function runAnalysisJob(request: AnalysisRequest, ranIn: RanIn, now: () => number = Date.now): Outcome {
  const t0 = now();
  try {
    const analysis = analyze(request.text, { knownEntities: request.knownEntities });
    const sidecar = buildSidecar(request.docPath, request.text, request.documentHash, analysis, request.previous);
    const counts = { quotes: analysis.quotes.length, mentions: analysis.mentions.length, figures: analysis.figures.length };
    return { sidecar, counts, ms: now() - t0, ranIn };
  } catch (err) {
    return { failed: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
}

/**
 * The part of `previous` an analysis uses: its entities and the annotations it keeps (manual or
 * reviewed). Sending only these keeps a fully suggested 1 MB sidecar off the message channel.
 * The store re-anchors before asking, so the kept annotations are already placed in the text.
 */
export function keptPart(previous: Sidecar): Sidecar {
  return { ...previous, annotations: previous.annotations.filter((a) => a.origin === 'manual' || a.status !== 'suggested') };
}

/**
 * The worker's side of the protocol: answers each host message with the message to post back.
 * Keeps the last result until its annotations have all been sent (or a new request replaces it).
 */
export function createWorkerHandler(chunkSize = ANNOTATIONS_PER_CHUNK, now: () => number = Date.now): (message: unknown) => WorkerMessage {
  let pending: { id: number; annotations: Annotation[]; next: number } | undefined;
  return (message) => {
    const id = idOf(message);
    if (isAnalysisRequest(message)) {
      pending = undefined;
      const outcome = runAnalysisJob(message, 'worker', now);
      if ('failed' in outcome) return { kind: 'failed', id, message: outcome.failed };
      pending = { id, annotations: outcome.sidecar.annotations, next: 0 };
      const head = { ...outcome.sidecar, annotations: [] };
      const json = serializeSidecar(outcome.sidecar);
      return { kind: 'done', id, sidecar: head, annotationCount: pending.annotations.length, json, counts: outcome.counts, ms: outcome.ms };
    }
    if (isChunkRequest(message) && pending?.id === id) {
      const annotations = pending.annotations.slice(pending.next, pending.next + chunkSize);
      pending.next += annotations.length;
      if (pending.next >= pending.annotations.length) pending = undefined;
      return { kind: 'annotations', id, annotations };
    }
    return { kind: 'failed', id, message: isChunkRequest(message) ? `no result of request ${id} to send` : 'not a QuoteLens analysis message' };
  };
}

/** What the host does with a worker message: post a message back, and/or finish the job. */
export interface AssemblyStep {
  readonly post?: ChunkRequest;
  readonly result?: AnalysisResult;
  /** With `result`: its sidecar's JSON, as the worker printed it. */
  readonly json?: string;
  readonly failed?: string;
}

/**
 * The host's side of one request: puts the sidecar back together from the head and the chunks it
 * asks for one at a time (so each message is decoded in its own short step).
 */
export class ResultAssembler {
  private head: AnalysisHead | undefined;
  private readonly annotations: Annotation[] = [];

  constructor(private readonly id: number) {}

  accept(message: AnalysisHead | AnnotationChunk | AnalysisFailed): AssemblyStep {
    if (message.id !== this.id) return {}; // a late message of an abandoned request
    if (message.kind === 'failed') return { failed: message.message };
    if (message.kind === 'done') this.head = message;
    else if (this.head) this.annotations.push(...message.annotations);
    else return { failed: 'annotations arrived before the result' };
    return this.next();
  }

  private next(): AssemblyStep {
    const head = this.head!;
    if (this.annotations.length < head.annotationCount) return { post: { kind: 'more', id: this.id } };
    const sidecar: Sidecar = { ...head.sidecar, annotations: this.annotations };
    return { result: { sidecar, counts: head.counts, ms: head.ms, ranIn: 'worker' }, json: head.json };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function idOf(message: unknown): number {
  return isObject(message) && typeof message.id === 'number' ? message.id : -1;
}

/** A message a worker may send (checked on arrival: the port carries `unknown`). */
export function isWorkerMessage(value: unknown): value is WorkerMessage {
  if (!isObject(value)) return false;
  switch (value.kind) {
    case 'ready':
      return true;
    case 'done':
      return (
        typeof value.id === 'number' &&
        isObject(value.sidecar) &&
        typeof value.annotationCount === 'number' &&
        typeof value.json === 'string' &&
        isObject(value.counts) &&
        typeof value.ms === 'number'
      );
    case 'annotations':
      return typeof value.id === 'number' && Array.isArray(value.annotations);
    case 'failed':
      return typeof value.id === 'number' && typeof value.message === 'string';
    default:
      return false;
  }
}

/** A request the host may send (checked by the worker). */
export function isAnalysisRequest(value: unknown): value is AnalysisRequest {
  return (
    isObject(value) &&
    value.kind === 'analyze' &&
    typeof value.id === 'number' &&
    typeof value.text === 'string' &&
    typeof value.docPath === 'string' &&
    typeof value.documentHash === 'string' &&
    Array.isArray(value.knownEntities) &&
    (value.previous === undefined || isObject(value.previous))
  );
}

function isChunkRequest(value: unknown): value is ChunkRequest {
  return isObject(value) && value.kind === 'more' && typeof value.id === 'number';
}

/** The log line for a finished job. */
export function describeResult(label: string, result: AnalysisResult): string {
  const { quotes, mentions, figures } = result.counts;
  return `Analysed ${label} in ${result.ms} ms (${result.ranIn}): ${quotes} quotes, ${mentions} mentions, ${figures} figures`;
}
