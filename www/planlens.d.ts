// Type declarations for planlens.js (the embeddable ES module) and its planlens/1 result.
// Spans are [start, end) in Unicode scalar values (code points) of the text you passed, not
// UTF-16 units: use Array.from(text).slice(start, end).join('') to cut them out.

export type Span = [number, number];

export interface Period {
  from: number;
  to: number;
}

export interface DocumentInfo {
  /** The plan's own title (not the wrapping notice's). */
  title: string | null;
  notice_title: string | null;
  issuers: string[];
  /** YYYY-MM-DD */
  date: string | null;
  doc_number: string | null;
  recipients: string[];
  cc: string[];
  attachments: string[];
  period: Period | null;
}

export interface OutlineNode {
  level: number;
  /** The marker as printed (一、 （一） 1. ①), "" when unnumbered. */
  marker: string;
  ordinal: number | null;
  title: string;
  span: Span;
  title_span: Span;
  children: OutlineNode[];
}

export type TargetKind = 'count' | 'percent' | 'change' | 'money' | 'duration' | 'deadline' | 'coverage';
export type Comparator = 'eq' | 'gt' | 'gte' | 'lt' | 'lte' | 'approx' | 'range';

export interface Target {
  /** The quantity expression itself: 超12000个, 不低于65%, 4—5所. */
  text: string;
  span: Span;
  clause_span: Span;
  kind: TargetKind;
  value: number | null;
  range: [number, number] | null;
  unit: string | null;
  comparator: Comparator | null;
  change: 'increase' | 'decrease' | null;
  /** The time phrase as written (2023年底前, 年内) and the last day it allows. */
  deadline: string | null;
  due: string | null;
  subject: string | null;
  /** Child indexes from the outline root to the deepest node containing the target. */
  path: number[];
  action?: string;
  scope?: 'new' | 'total' | 'period_total';
  per?: string;
  of?: string;
  recurrence?: string;
  strength?: 'firm' | 'aspirational' | 'planned';
  responsible?: { lead: string[]; others: string[] };
  flags?: string[];
}

export interface Table {
  title: string | null;
  columns: string[];
  rows: string[][];
  span: Span;
}

export interface Warning {
  code: string;
  message: string;
  span: Span;
}

/** The planlens/1 analysis of one document. More fields may appear; none disappear. */
export interface Analysis {
  schema: 'planlens/1';
  document: DocumentInfo;
  outline: OutlineNode[];
  targets: Target[];
  tables: Table[];
  warnings: Warning[];
}

export type PlanlensErrorCode =
  | 'init-failed' // the wasm could not be loaded (network, CSP)
  | 'engine-crashed' // the worker died or trapped on this request; it has been restarted
  | 'engine-failed' // it keeps crashing (or the inline engine trapped): reload
  | 'timeout' // a request took longer than configure({timeout}); the worker was restarted
  | 'unknown-op' // call() with an operation this build does not allow
  | 'bad-input' // e.g. analyze() of a non-string
  | 'engine-error'; // the engine reported an error for this input

export declare class PlanlensError extends Error {
  readonly name: 'PlanlensError';
  readonly code: PlanlensErrorCode;
}

/** Resolves once the engine is up (a Web Worker, or the page's thread as a fallback). */
export declare const ready: Promise<void>;
/** The build id; changes with every build. */
export declare const version: string;
/** Analyses a plan. Made before `ready`, it waits for the engine. */
export declare function analyze(text: string): Promise<Analysis>;
/** Calls another allow-listed engine operation, e.g. call('analyzeJson', text): Promise<string>. */
export declare function call(op: 'analyzeJson', text: string): Promise<string>;
/** The text of a .docx file (rejects with code "engine-error" saying why it is unreadable). The
 *  compare / check / docxText / pdfText ops run in a second wasm and keywords in a third, each fetched on
 *  the first call of one of its ops. */
export declare function call(op: 'docxText', bytes: Uint8Array): Promise<string>;
/** Many plans lined up by indicator, as `planlens corpus` prints them: `docs` a JSON array of
 *  `{name, text}`, `reference` an index into it (-1: none), `format` `json` (planlens-corpus/1,
 *  docs/corpus-schema.md), `csv` (the matrix), `targets-csv` or `markdown`. */
export declare function call(op: 'corpusExport', docs: string, reference: number, format: 'json' | 'csv' | 'targets-csv' | 'markdown'): Promise<string>;
/** One document of a corpus analysed and kept by the engine for `corpusLineUp` (a `planlens/1` JSON string). */
export declare function call(op: 'corpusAnalyze', name: string, text: string): Promise<string>;
/** `corpusExport` of parallel arrays of names and texts; analyses kept by `corpusAnalyze` are reused, documents not named are forgotten. `panel`: the planlens-corpus/1 object on one line with its cells cut to `index`, `text`, `subject`, `value`, `range`. */
export declare function call(op: 'corpusLineUp', names: string[], texts: string[], reference: number, format: 'json' | 'csv' | 'targets-csv' | 'markdown' | 'panel'): Promise<string>;
/** A planlens/1 JSON analysis of `text` as a label file (tests/devcorpus/README.md). */
export declare function call(op: 'labelsJson', analysisJson: string, text: string): Promise<string>;
/** The plan's text of a PDF's text layer (page numbers, running heads and wraps taken out); rejects
 *  with a one-line reason for a scan, an encrypted or a broken PDF. */
export declare function call(op: 'pdfText', bytes: Uint8Array): Promise<string>;
export declare function call(op: 'rowsXlsx', sheet: string, rows: string[][]): Promise<Uint8Array>;
export declare function call(op: string, ...args: unknown[]): Promise<unknown>;
/** timeout: the per-request bound in ms (default 120000). */
export declare function configure(options: { timeout?: number }): void;
/** "worker" or "inline" once ready, else null. */
export declare function engine(): 'worker' | 'inline' | null;

/** `<plan-lens>`: outline and targets of a plan, in a shadow DOM. Attributes: `text` (the plan),
 *  `no-input` (hide its own textarea), `lang` (en → English labels). Parts for ::part():
 *  input, status, summary, outline, targets. */
export interface PlanLensElement extends HTMLElement {
  /** The plan text shown and analysed (setting it starts an analysis). */
  text: string;
  /** The last result, or null. */
  readonly result: Analysis | null;
}

export interface PlanlensGlobal {
  ready: Promise<void>;
  analyze: typeof analyze;
  call: typeof call;
  version: string;
  ops: string[];
  readonly engine: 'worker' | 'inline' | null;
  readonly isReady: boolean;
  configure: typeof configure;
}

export interface EngineEventDetail {
  state: 'ready' | 'crashed' | 'restarted' | 'failed';
  engine: 'worker' | 'inline';
  message: string;
}

export interface UpdateEventDetail {
  build: string;
  /** Activates the waiting version and reloads the page. */
  reload(): void;
}

declare global {
  // eslint-disable-next-line no-var
  var planlens: PlanlensGlobal | undefined;
  interface HTMLElementTagNameMap {
    'plan-lens': PlanLensElement;
  }
  interface HTMLElementEventMap {
    'planlens:analyzed': CustomEvent<Analysis>;
    'planlens:error': CustomEvent<PlanlensError>;
  }
  interface WindowEventMap {
    'planlens:engine': CustomEvent<EngineEventDetail>;
    'planlens:update': CustomEvent<UpdateEventDetail>;
  }
}
