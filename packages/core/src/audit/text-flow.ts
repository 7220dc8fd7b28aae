/**
 * The document as one stream for reading the narrative the way a person does: lines broken by the
 * page joined again, spaces dropped (PDF extraction puts them inside numbers and words: "2022 年度",
 * "360.44 万元"), full-width forms folded (NFKC: "，" → ",", "（" → "(", "％" → "%"), headings kept on
 * their own. Every character keeps its origin (line and column), so a finding can quote the sentence
 * exactly as printed and name its page and line.
 */
import type { TextDocument, TextLine } from '../read/text-document.ts';

export type FlowLineKind = 'title' | 'part' | 'section' | 'subsection' | 'body' | 'skip';

export interface FlowLine {
  /** The line as the reader gave it. */
  source: TextLine;
  /** Folded text without spaces. */
  norm: string;
  /** Column in source.text of each character of norm. */
  cols: number[];
  kind: FlowLineKind;
  /** For a heading: the text of the following line(s) merged into it (a heading broken by layout). */
  mergedWith?: number[];
}

export interface Flow {
  doc: TextDocument;
  lines: FlowLine[];
  /** The folded stream: body lines joined without separator, each heading between two '\n'. */
  text: string;
  /** For each character of text: the index in lines, or -1 for an inserted '\n'. */
  lineOf: Int32Array;
  /** For each character of text: the column in that line's source text. */
  colOf: Int32Array;
  /** Start of each line in text (or -1 for skipped lines). */
  lineStart: number[];
}

/**
 * Traditional characters of the disclosure vocabulary and their simplified forms, one to one: sites
 * that republish in traditional script (繁體) must read the same as the original. A character keeps its
 * column, so a quote is still the text as printed.
 */
const TRADITIONAL =
  '說決總體況財撥預經費務車輛購運維護國資產績採單門結轉餘與較長減計額區縣鄉鎮辦處機關構設員職責項類貨業營級補屬繳礎衛會農環節學園兒稱實際數為佔萬億個團組覽報詞釋開據無變動這還從並於對將後當條規範劃標準統籌發達點幹離編內價專養貼調劑緊嚴壓厲儉異見廳應災術執讀書圖館傳藝廣電視險醫療藥撫獎勵買賣貸債稅歸權認證協議選舉黨紀檢驗監審創聯網絡訊錄庫廠糧倉儲輸塊時間問題導參兩們給義爭優質進遠適過邊連週違遞遷虧號蓋裝複製親觀訂記許訪評試詳誤課談請識讓豐貢貧賠賬贈趨跡軍軟載輔輕轄郵針鋼錢鐵閒閱隊階隨隱雖雙雜難靈頂順須領頻顯風飛馬駐髮鬥魚鹽麥黃齊齡龍彙匯僅儀備傷偉側係來湊淨則剛劇勞勢勝卻廚敘葉圍圓場壞壇墾夠奪奮婦孫寧寫寬寶尋屆層歲島嶺幣師帳帶幫彈強徑復徵恆惡愛態慣懷戰戶擇擊擔擴擬攝敗斷晉暫曆東極樣樓歡歷殘氣溝滅滿漢潔濟灣烏熱爾牆獨獲獻現畢盡盤眾確禮種穩窮競筆築簡糾約紅純紙細終絕絲綠綜緒線緣縮繼續罰羅聖聞聲肅脫腦興舊蘇虛裡裏觸負貫貴貿賀賓賴贊趕辭邁遺鄭鑒閉陝陽隴雲靜韓頁頒顧飲飯騰輿貳麼羣織繞託頭臺檔韌誌纍濕懸懲擁燈燒爐獄瑪甦畫癒盜矚磚礦禍禦稟穀窯竊糞紛紡紮絨綱緝緩練縫繩罷羨習翹聳膚膽臉艙莊萊蔣蕭藍蘭衝襲詢該詩誇諾謀謝譯賦賜賢賤賽贏躍軌輪轎遜遙遲鄰釐鈴銀銷鋪鍋鍵鎖鏡鐘闆闊陣陳陸隸雞雛霧響頸顏颱飄餵騎驚鬧鳴麗齒';
const SIMPLIFIED =
  '说决总体况财拨预经费务车辆购运维护国资产绩采单门结转余与较长减计额区县乡镇办处机关构设员职责项类货业营级补属缴础卫会农环节学园儿称实际数为占万亿个团组览报词释开据无变动这还从并于对将后当条规范划标准统筹发达点干离编内价专养贴调剂紧严压厉俭异见厅应灾术执读书图馆传艺广电视险医疗药抚奖励买卖贷债税归权认证协议选举党纪检验监审创联网络讯录库厂粮仓储输块时间问题导参两们给义争优质进远适过边连周违递迁亏号盖装复制亲观订记许访评试详误课谈请识让丰贡贫赔账赠趋迹军软载辅轻辖邮针钢钱铁闲阅队阶随隐虽双杂难灵顶顺须领频显风飞马驻发斗鱼盐麦黄齐龄龙汇汇仅仪备伤伟侧系来凑净则刚剧劳势胜却厨叙叶围圆场坏坛垦够夺奋妇孙宁写宽宝寻届层岁岛岭币师帐带帮弹强径复征恒恶爱态惯怀战户择击担扩拟摄败断晋暂历东极样楼欢历残气沟灭满汉洁济湾乌热尔墙独获献现毕尽盘众确礼种稳穷竞笔筑简纠约红纯纸细终绝丝绿综绪线缘缩继续罚罗圣闻声肃脱脑兴旧苏虚里里触负贯贵贸贺宾赖赞赶辞迈遗郑鉴闭陕阳陇云静韩页颁顾饮饭腾舆贰么群织绕托头台档韧志累湿悬惩拥灯烧炉狱玛苏画愈盗瞩砖矿祸御禀谷窑窃粪纷纺扎绒纲缉缓练缝绳罢羡习翘耸肤胆脸舱庄莱蒋萧蓝兰冲袭询该诗夸诺谋谢译赋赐贤贱赛赢跃轨轮轿逊遥迟邻厘铃银销铺锅键锁镜钟板阔阵陈陆隶鸡雏雾响颈颜台飘喂骑惊闹鸣丽齿';
const T2S = new Map<string, string>([...TRADITIONAL].map((t, i) => [t, [...SIMPLIFIED][i]!]));

/** Folds one character: full-width ASCII to ASCII, compatibility forms by NFKC, traditional to simplified; '' for spaces. */
export function foldChar(ch: string): string {
  const c = ch.codePointAt(0) ?? 0;
  if (c < 0x80) return /\s/.test(ch) ? '' : ch;
  if (c >= 0x4e00 && c <= 0x9fff) return T2S.get(ch) ?? ch;
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  if (c === 0x3000 || c === 0xa0 || /\s/u.test(ch)) return '';
  // Keep the ellipsis and the ideographic punctuation as they are (NFKC would turn … into "...").
  if (c === 0x2026 || (c >= 0x3001 && c <= 0x303f) || c === 0x201c || c === 0x201d) return ch;
  return ch.normalize('NFKC');
}

/** Folds a whole string (no position mapping): for matching short texts such as headings. */
export function foldText(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

const CN_NUM = '一二三四五六七八九十';
const PART_RE = new RegExp(`^第[${CN_NUM}]+部分`);
const SECTION_RE = new RegExp(`^[${CN_NUM}]{1,3}、`);
const SUBSECTION_RE = new RegExp(`^\\([${CN_NUM}]{1,3}\\)`);
const PERF_TABLE_RE = /^项目支出绩效自评表/;
/** A part heading without its number (Shanghai: 〈单位〉2024年度部门决算表 over the tables). */
const UNNUMBERED_PART_RE = /^.{2,40}\d{4}年度?部门决算(报)?表$/;
const FIGURE_RE = /\d(?:\.\d+)?(?:万元|亿元|元|%)/;
const PAGE_NUMBER_RE = /^(?:-?\d{1,3}-?|第\d+页(?:共\d+页)?|[-—–]+\d+[-—–]+|\d+\/\d+)$/;

function headingKind(norm: string): FlowLineKind | undefined {
  if (PART_RE.test(norm) || PERF_TABLE_RE.test(norm) || UNNUMBERED_PART_RE.test(norm)) return 'part';
  if (norm.length > 48 || FIGURE_RE.test(norm) || norm.includes(':')) return undefined;
  if (SECTION_RE.test(norm)) return 'section';
  if (SUBSECTION_RE.test(norm)) return 'subsection';
  return undefined;
}

/** A heading broken over two lines by the layout: "…决算情况" + "说明", or "（一）" + its title. */
function continues(heading: string, next: string): boolean {
  if (next.length === 0 || FIGURE_RE.test(next)) return false;
  if (/^\([一二三四五六七八九十]{1,3}\)$/.test(heading)) return next.length <= 40;
  if (/(说明|情况说明)$/.test(heading)) return false;
  return /^(说明|情况说明|情况|的情况说明|\)|）)$/.test(next);
}

/** The document's lines, each folded (normalised character by character) with the column each character came from. */
function foldedLines(doc: TextDocument): FlowLine[] {
  const lines: FlowLine[] = [];
  for (const page of doc.pages) {
    for (const source of page.lines) {
      let norm = '';
      const cols: number[] = [];
      let col = 0;
      for (const ch of source.text) {
        const f = foldChar(ch);
        for (let k = 0; k < f.length; k++) cols.push(col);
        norm += f;
        col += ch.length;
      }
      lines.push({ source, norm, cols, kind: 'body' });
    }
  }
  return lines;
}

/** Merges the continuation of a heading broken over two lines into it (the next non-empty line). */
function mergeContinuation(lines: FlowLine[], i: number): void {
  const l = lines[i]!;
  let j = i + 1;
  while (j < lines.length && lines[j]!.norm === '') j++;
  const next = lines[j];
  if (next && headingKind(next.norm) === undefined && continues(l.norm, next.norm)) {
    l.mergedWith = [j];
    l.norm += next.norm;
    l.cols.push(...next.cols.map((c) => -1 - c)); // negative: belongs to the merged line
    next.kind = 'skip';
  }
}

/** Classifies the lines: headings, page numbers, and the title block at the top. */
function classifyLines(lines: FlowLine[]): void {
  let seenHeading = false;
  let titleLines = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.norm === '') {
      l.kind = 'skip';
      continue;
    }
    if (PAGE_NUMBER_RE.test(l.norm)) {
      l.kind = 'skip';
      continue;
    }
    const k = headingKind(l.norm);
    if (k !== undefined) {
      l.kind = k;
      seenHeading = true;
      mergeContinuation(lines, i);
      continue;
    }
    // The title block: short lines before the first heading, without a sentence or a figure (a
    // stand-alone "三公" statement has no heading at all: its text is not the title).
    if (
      !seenHeading &&
      titleLines < 6 &&
      l.source.page <= 2 &&
      (/[。;]/.test(l.norm) || l.norm.length > 60 || FIGURE_RE.test(l.norm))
    )
      seenHeading = true;
    if (!seenHeading && titleLines < 6 && l.source.page <= 2) {
      if (/^目录$/.test(l.norm)) {
        seenHeading = true;
        l.kind = 'skip';
        continue;
      }
      l.kind = 'title';
      titleLines++;
    }
  }
}

/** The stream of the classified lines: block lines on lines of their own, each character mapped to its line and column. */
function streamOf(doc: TextDocument, lines: FlowLine[]): Flow {
  const parts: string[] = [];
  const lineOfArr: number[] = [];
  const colOfArr: number[] = [];
  const lineStart: number[] = new Array<number>(lines.length).fill(-1);
  let pos = 0;
  const push = (s: string, li: number, cols: number[] | undefined) => {
    parts.push(s);
    for (let k = 0; k < s.length; k++) {
      lineOfArr.push(li);
      colOfArr.push(cols?.[k] ?? 0);
    }
    pos += s.length;
  };
  let prevKind: FlowLineKind | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.kind === 'skip') continue;
    const isBlock = l.kind !== 'body';
    if (isBlock || (prevKind !== undefined && prevKind !== 'body')) push('\n', -1, undefined);
    lineStart[i] = pos;
    // Characters merged from a continuation line point to that line.
    const merged = l.mergedWith?.[0];
    for (let k = 0; k < l.norm.length; k++) {
      const c = l.cols[k] ?? 0;
      if (c < 0 && merged !== undefined) push(l.norm[k]!, merged, [-1 - c]);
      else push(l.norm[k]!, i, [c]);
    }
    prevKind = l.kind;
  }
  push('\n', -1, undefined);
  return {
    doc,
    lines,
    text: parts.join(''),
    lineOf: Int32Array.from(lineOfArr),
    colOf: Int32Array.from(colOfArr),
    lineStart,
  };
}

/** Builds the stream. Lines before the first heading on the first pages form the title. */
export function buildFlow(doc: TextDocument): Flow {
  const lines = foldedLines(doc);
  classifyLines(lines);
  return streamOf(doc, lines);
}

/** Page and line of a position in the stream. */
export function positionAt(flow: Flow, index: number): { page: number; line: number } {
  for (let i = Math.max(0, Math.min(index, flow.text.length - 1)); i < flow.text.length; i++) {
    const li = flow.lineOf[i]!;
    if (li >= 0) {
      const s = flow.lines[li]!.source;
      return { page: s.page, line: s.line };
    }
  }
  const last = flow.lines[flow.lines.length - 1]?.source;
  return { page: last?.page ?? 1, line: last?.line ?? 1 };
}

/**
 * The printed text of a stretch of the stream: the source lines from the first character to the
 * last, joined without the line breaks, runs of spaces collapsed.
 */
export function quote(flow: Flow, start: number, end: number): string {
  let a = start;
  while (a < end && flow.lineOf[a]! < 0) a++;
  let b = end - 1;
  while (b > a && flow.lineOf[b]! < 0) b--;
  if (a > b || flow.lineOf[a]! < 0) return '';
  const out: string[] = [];
  let li = -1;
  let from = 0;
  let to = 0;
  const flush = () => {
    if (li >= 0) out.push(flow.lines[li]!.source.text.slice(from, to));
  };
  for (let i = a; i <= b; i++) {
    const l = flow.lineOf[i]!;
    if (l < 0) continue;
    const c = flow.colOf[i]!;
    const chLen = (flow.lines[l]!.source.text.codePointAt(c) ?? 0) > 0xffff ? 2 : 1;
    if (l !== li) {
      flush();
      li = l;
      from = c;
    }
    to = c + chLen;
  }
  flush();
  return out
    .map((s) => s.trim())
    .join('')
    .replace(CJK_GAP, '')
    .replace(/[ \t\u3000\u00a0]{2,}/g, ' ');
}

// Justified PDF lines put spaces between Chinese characters ("压 减 公 务"); a quote leaves them out.
const CJK = '\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef“”‘’';
const CJK_GAP = new RegExp(`(?<=[${CJK}])[ \\t\\u00a0]+(?=[${CJK}])`, 'g');
