/**
 * What the auditor finds in a published disclosure: every stated figure with its meaning and place,
 * the tables rebuilt from the document, and findings with evidence (page, quoted text, expected, found).
 */
import type { Fen } from '../money/amount.ts';
import type { Ratio } from '../money/rate.ts';
import type { DocumentForm, DocumentKind } from './sections.ts';
import type { Finding } from '../rules/types.ts';

/** Where a figure or finding is in the document. */
export interface Evidence {
  page: number;
  line?: number;
  /** The sentence or table line quoted (normalised text). */
  text: string;
}

/** One figure stated in the narrative. */
export interface StatedFigure {
  /** Official name from the vocabulary (DOMAIN.md): 收入总计, 本年收入合计, 财政拨款收入, 基本支出, 人员经费, … */
  name: string;
  /**
   * Stable key for the figure, e.g. `t1.incomeGrandTotal`, `t5.2010450.total`, `threePublic.total`, `procurement.goods`.
   * Table cells: `t1.<row>`, `t6.<row>` (one column); `t2.total.<col>`, `t3.total.<col>`, `t4.<row>.<col>`,
   * `t5.<code|total>.<col>`, `t8|t9.<code|total>.<col>`; a budget figure is the value's key + `.budget` (年初预算,
   * `t5.2010450.total.budget`) or + `.annualBudget` (全年预算, `threePublic.total.annualBudget`). Outside the tables: the data-file field path (`threePublic.vehiclesHeld`,
   * `assets.vehicles.total`, `unit.staff.actual`, `performance.executedTotal`). An amount the extractor
   * could not name is `unclassified.<section>`.
   */
  key: string;
  /** Amount in 分 for money, or undefined for counts/percentages. */
  fen?: Fen;
  /** Non-money value as printed (counts such as 7 人, 1 辆; percentages such as 83.06%). */
  value?: string;
  /** Unit as printed: 万元, 元, 亿元, %, 人, 辆, 个, 批次, 人次, 台（套）, 平方米. */
  unit: string;
  /** Decimals as printed (for the rounding interval). */
  decimals: number;
  /** Section of the narrative it was found in, e.g. "二、收入决算情况说明". */
  section?: string;
  /** 功能分类 code when the sentence names a 类/款/项 and it could be resolved. */
  code?: string;
  /** The share stated with it ("占 83.06%"), and of what. */
  share?: { ratio: Ratio; text: string; of?: string; decimals?: number; baseKey?: string };
  /** The comparison stated with it. */
  change?: {
    against: 'prior' | 'budget';
    /** 增加/减少/持平 or 大于/小于 as printed. */
    direction?: string;
    /** The change as printed (without sign: the direction word gives it). */
    amount?: Fen;
    amountDecimals?: number;
    amountText?: string;
    /** 增长/下降 as printed with the rate. */
    rateDirection?: string;
    /** As printed: unsigned after 增长/下降, signed for 预决算差异率 ("-7.26%"). */
    rate?: Ratio;
    rateText?: string;
    rateDecimals?: number;
    /** The other figure when stated (年初预算数 190.41). */
    base?: Fen;
    baseDecimals?: number;
    /** What the base is: 年初预算 or 全年预算 (budget), 上年 (prior). */
    baseLabel?: string;
    /** 完成年初预算的 x% as printed, and of what (年初预算, 全年预算, 预算). */
    completion?: Ratio;
    completionText?: string;
    completionDecimals?: number;
    completionOf?: string;
    reason?: string;
    /** The sentence(s) stating the comparison, when not the figure's own sentence (收入总计与上年相比，增加…). */
    evidence?: Evidence;
  };
  evidence: Evidence;
}

/** A table rebuilt from the document, or the reason it could not be read. */
export interface ExtractedTable {
  /** t1 … t9 */
  id: string;
  title: string;
  pages: number[];
  /** Accepted only when its own identities balance. */
  status: 'read' | 'unreadable' | 'missing' | 'empty';
  reason?: string;
  /** Rows as read: key (code or fixed row id), name, cells by column id (分). */
  rows?: {
    key: string;
    code?: string;
    name: string;
    cells: Record<string, Fen | undefined>;
    /** 年初预算数 by column id, where the table prints it (表五 in some regions). */
    budget?: Record<string, Fen | undefined>;
    /** Where the row is printed: page and the row's label. */
    evidence?: Evidence;
  }[];
  /** The empty-table statement as printed ("本表为空表", "故本表无数据"), when there is one. */
  statement?: string;
  /** What the reader noticed without rejecting the table (cells taken as unknown, text it skipped). */
  notes?: string[];
}

export interface AuditResult {
  file: string;
  year?: number;
  unit?: string;
  kind: 'pdf' | 'docx' | 'text';
  /** What kind of publication it is (a full one, a stand-alone "三公" or 政府采购 statement, an excerpt) and whose. */
  documentKind?: DocumentKind;
  documentForm?: DocumentForm;
  pages: number;
  figures: StatedFigure[];
  tables: ExtractedTable[];
  /** The same findings as validate's, with the page and quoted text of each location in the document. */
  findings: Finding[];
  summary: { error: number; warning: number; info: number };
}
