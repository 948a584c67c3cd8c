/**
 * The analysis protocol's edges as tables: which messages the port checks let through (each field
 * wrong in turn), what of a previous sidecar is sent to the worker, the worker's chunking up to the
 * last annotation, and the log line.
 */
import assert from 'node:assert/strict';
import {
  createWorkerHandler,
  describeResult,
  isAnalysisRequest,
  isWorkerMessage,
  keptPart,
  runAnalysisJob,
  type AnalysisRequest,
} from '../../src/extension/model/analysisProtocol';
import type { Annotation, AnnotationOrigin, AnnotationStatus, Sidecar } from '../../src/sidecar/types';
import { sha256Of } from '../hash';
import { sampleSidecar } from './sidecar-fixtures';

const TEXT = 'At the depot, "The trams will run every six minutes from May," said Lena Holm. The upgrade costs 9 million euros.\n';

const REQUEST: AnalysisRequest = { kind: 'analyze', id: 1, text: TEXT, docPath: 'depot.txt', documentHash: sha256Of(TEXT), knownEntities: [] };

const DONE = { kind: 'done', id: 1, sidecar: {}, annotationCount: 0, json: '{}', counts: {}, ms: 0 };

describe('extension model: analysis protocol tables', () => {
  it('lets through only worker messages whose fields all have their types', () => {
    const rows: [string, unknown, boolean][] = [
      ['ready', { kind: 'ready' }, true],
      ['done', DONE, true],
      ['done, id a string', { ...DONE, id: '1' }, false],
      ['done, sidecar null', { ...DONE, sidecar: null }, false],
      ['done, annotationCount a string', { ...DONE, annotationCount: '0' }, false],
      ['done, no json', { ...DONE, json: undefined }, false],
      ['done, counts a number', { ...DONE, counts: 3 }, false],
      ['done, ms a string', { ...DONE, ms: '5' }, false],
      ['annotations', { kind: 'annotations', id: 1, annotations: [] }, true],
      ['annotations, no id', { kind: 'annotations', annotations: [] }, false],
      ['annotations, not a list', { kind: 'annotations', id: 1, annotations: {} }, false],
      ['failed', { kind: 'failed', id: 1, message: 'boom' }, true],
      ['failed, id a string', { kind: 'failed', id: '1', message: 'boom' }, false],
      ['failed, no message', { kind: 'failed', id: 1 }, false],
      ['a request', REQUEST, false],
      ['null', null, false],
      ['a string', 'ready', false],
    ];
    assert.deepStrictEqual(
      rows.map(([name, value]) => [name, isWorkerMessage(value)]),
      rows.map(([name, , expected]) => [name, expected]),
    );
  });

  it('lets through only analysis requests whose fields all have their types', () => {
    const rows: [string, unknown, boolean][] = [
      ['a request', REQUEST, true],
      ['with a previous sidecar', { ...REQUEST, previous: sampleSidecar() }, true],
      ['another kind', { ...REQUEST, kind: 'more' }, false],
      ['id a string', { ...REQUEST, id: '1' }, false],
      ['text missing', { ...REQUEST, text: undefined }, false],
      ['docPath a number', { ...REQUEST, docPath: 7 }, false],
      ['documentHash missing', { ...REQUEST, documentHash: undefined }, false],
      ['knownEntities not a list', { ...REQUEST, knownEntities: {} }, false],
      ['previous null', { ...REQUEST, previous: null }, false],
      ['null', null, false],
    ];
    assert.deepStrictEqual(
      rows.map(([name, value]) => [name, isAnalysisRequest(value)]),
      rows.map(([name, , expected]) => [name, expected]),
    );
  });

  it('a request without its document hash is refused by the worker instead of building a sidecar without one', () => {
    const handle = createWorkerHandler(500, () => 0);
    assert.deepStrictEqual(handle({ ...REQUEST, documentHash: undefined }), { kind: 'failed', id: 1, message: 'not a QuoteLens analysis message' });
  });

  it('sends of a previous sidecar only the manual and reviewed annotations, entities and document untouched', () => {
    const s = sampleSidecar();
    const [quote, speaker, figure] = s.annotations;
    const look = (a: Annotation, status: AnnotationStatus, origin: AnnotationOrigin): Annotation => ({ ...a, status, origin });
    const rows: [string, Annotation, boolean][] = [
      ['machine suggestion', look(quote, 'suggested', 'auto'), false],
      ['accepted suggestion', look(speaker, 'accepted', 'auto'), true],
      ['rejected suggestion', look(figure, 'rejected', 'auto'), true],
      ['hand-tagged, not reviewed', look(quote, 'suggested', 'manual'), true],
      ['hand-tagged, accepted', look(figure, 'accepted', 'manual'), true],
    ];
    const previous: Sidecar = { ...s, annotations: rows.map(([, a]) => a) };
    assert.deepStrictEqual(keptPart(previous), { ...s, annotations: rows.filter(([, , kept]) => kept).map(([, a]) => a) });
  });

  it('hands out the annotations in chunks up to the last one, then has nothing more to send', () => {
    const job = runAnalysisJob(REQUEST, 'worker', () => 0);
    assert.ok(!('failed' in job));
    const all = job.sidecar.annotations;
    assert.deepStrictEqual(all.map((a) => a.type), ['quote', 'figure', 'speaker', 'figure'], 'the quote, "six minutes", the speaker, the cost');
    const NOTHING = { kind: 'failed', id: 1, message: 'no result of request 1 to send' };
    const rows: [number, unknown[]][] = [
      [2, [all.slice(0, 2), all.slice(2, 4)]],
      [3, [all.slice(0, 3), all.slice(3, 4)]],
      [4, [all]],
    ];
    for (const [chunkSize, chunks] of rows) {
      const handle = createWorkerHandler(chunkSize, () => 0);
      assert.equal(handle(REQUEST).kind, 'done');
      const replies = [...chunks, null].map(() => handle({ kind: 'more', id: 1 }));
      assert.deepStrictEqual(replies, [...chunks.map((annotations) => ({ kind: 'annotations', id: 1, annotations })), NOTHING], `chunks of ${chunkSize}`);
    }
  });

  it('logs a finished job with its counts, time and place', () => {
    const sidecar = sampleSidecar();
    assert.equal(
      describeResult('depot.txt', { sidecar, counts: { quotes: 2, mentions: 3, figures: 4 }, ms: 17, ranIn: 'extension host' }),
      'Analysed depot.txt in 17 ms (extension host): 2 quotes, 3 mentions, 4 figures',
    );
  });
});
