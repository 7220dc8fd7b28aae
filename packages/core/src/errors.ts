/**
 * The one error class of Juesuan. Findings are data (see rules/); errors are for input that cannot
 * be read at all. `code` is stable: the CLI maps it to an exit code and the server to an HTTP status.
 */
export const ErrorCode = {
  BadAmount: 'E_BAD_AMOUNT',
  BadPercent: 'E_BAD_PERCENT',
  BadInput: 'E_BAD_INPUT',
  BadSyntax: 'E_BAD_SYNTAX',
  NotDataFile: 'E_NOT_DATA_FILE',
  UnknownCode: 'E_UNKNOWN_CODE',
  DuplicateRow: 'E_DUPLICATE_ROW',
  WrongParent: 'E_WRONG_PARENT',
  TooLarge: 'E_TOO_LARGE',
  BadCatalogue: 'E_BAD_CATALOGUE',
  BadConfig: 'E_BAD_CONFIG',
  NotFound: 'E_NOT_FOUND',
  /** An external program (LibreOffice, poppler …) needed for an output format is not installed. */
  MissingTool: 'E_MISSING_TOOL',
  /** An external program ran but failed or timed out. */
  ToolFailed: 'E_TOOL_FAILED',
  /** A document needs a password to open (an encrypted PDF). */
  Encrypted: 'E_ENCRYPTED',
  /** A document of a kind the readers do not take (XLSX, images, .doc, OFD …). */
  UnsupportedFormat: 'E_UNSUPPORTED_FORMAT',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * What the user has to supply or do so that the input can be read, as an id. Core says what is needed in
 * words; a front end adds how to give it there (the CLI names its option or command: packages/cli/src/hints.ts).
 */
export const InputNeed = {
  /** The year of the accounts. */
  Year: 'year',
  /** The unit's name. */
  UnitName: 'unit-name',
  /** The unit's kind (行政, 参公, 事业). */
  UnitKind: 'unit-kind',
  /** Last year's data as a data file (YAML/JSON). */
  PreviousDataFile: 'previous-data-file',
  /** The year's official classification catalogue (政府收支分类科目), imported. */
  Catalogue: 'catalogue',
  /** A freshly generated data-entry template. */
  Template: 'template',
  /** The workbook saved as .xlsx (or converted). */
  Xlsx: 'xlsx',
  /** A published document goes to the audit, not to the import. */
  Audit: 'audit',
  /** The list of rule ids. */
  RuleIds: 'rule-ids',
} as const;
export type InputNeed = (typeof InputNeed)[keyof typeof InputNeed];

/** One problem found while reading input: where it is and what is wrong, in Chinese. */
export interface InputProblem {
  /** File name as the user gave it, when known. */
  file?: string;
  /** 1-based line, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  /** Field path such as `tables.t5.rows[3].total`. */
  path?: string;
  message: string;
  /** What the user has to supply, when the problem is that something is missing. */
  need?: InputNeed;
}

export class JuesuanError extends Error {
  readonly code: ErrorCode;
  readonly problems: InputProblem[];

  constructor(code: ErrorCode, message: string, problems: InputProblem[] = []) {
    super(message);
    this.name = 'JuesuanError';
    this.code = code;
    this.problems = problems;
  }
}

/** Formats a problem as "文件:行:列 字段 消息" for people. */
export function formatProblem(p: InputProblem): string {
  const where = [
    p.file,
    p.line !== undefined ? String(p.line) : undefined,
    p.column !== undefined ? String(p.column) : undefined,
  ]
    .filter((x) => x !== undefined)
    .join(':');
  const parts = [where, p.path ? `字段 ${p.path}` : '', p.message].filter((s) => s !== '');
  return parts.join('  ');
}
