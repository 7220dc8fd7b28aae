/**
 * Normalising what text extraction does to a published disclosure (see the seed, /work/shared/seed): characters that
 * print the same but are coded differently (Kangxi radicals from Chromium-printed PDFs, full-width ASCII, traditional
 * forms, compatibility ideographs), spaces inside numbers and units, lines broken mid-sentence and mid-number, page
 * numbers and running headers/footers. Every reader (PDF, DOCX, text) gives lines through `normaliseText`, so the
 * auditor sees one form and quotes readable text.
 */
import type { TextLine, TextPage } from './text-document.ts';

/**
 * U+2F00–U+2FD5 (Kangxi Radicals) → the unified ideograph each one is a compatibility form of: exactly Unicode's
 * <compat> decomposition (NFKC), written out so that normalising does not depend on running NFKC over everything.
 */
const KANGXI =
  '一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子宀寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳心戈戶手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷豆豕豸貝赤走足身車辛辰辵邑酉釆里金長門阜隶隹雨靑非面革韋韭音頁風飛食首香馬骨高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻黃黍黑黹黽鼎鼓鼠鼻齊齒龍龜龠';

/**
 * CJK Radicals Supplement (U+2E80–U+2EF3) → the unified ideograph of the same shape, for those that have one (after
 * Unicode's EquivalentUnifiedIdeograph data). Chromium's PDFs use e.g. ⻔ for 门, ⻅ for 见, ⻓ for 长, ⺠ for 民.
 */
// prettier-ignore
const RADICAL_SUPPLEMENT: Readonly<Record<string, string>> = {
  '\u2E81': '厂', '\u2E82': '乛', '\u2E83': '乚', '\u2E84': '乙', '\u2E85': '亻', '\u2E86': '冂', '\u2E87': '几',
  '\u2E89': '刂', '\u2E8A': '卜', '\u2E8B': '㔾', '\u2E8C': '小', '\u2E8D': '小', '\u2E8E': '兀', '\u2E8F': '尣',
  '\u2E90': '尢', '\u2E92': '巳', '\u2E93': '幺', '\u2E94': '彑', '\u2E95': '彐', '\u2E96': '忄', '\u2E97': '㣺',
  '\u2E98': '扌', '\u2E99': '攵', '\u2E9B': '旡', '\u2E9C': '日', '\u2E9D': '月', '\u2E9E': '歺', '\u2E9F': '母',
  '\u2EA0': '民', '\u2EA1': '氵', '\u2EA2': '氺', '\u2EA3': '灬', '\u2EA4': '爫', '\u2EA5': '爫', '\u2EA6': '丬',
  '\u2EA7': '牛', '\u2EA8': '犭', '\u2EA9': '王', '\u2EAA': '疋', '\u2EAB': '罒', '\u2EAC': '示', '\u2EAD': '礻',
  '\u2EAE': '竹', '\u2EAF': '糸', '\u2EB0': '纟', '\u2EB1': '罒', '\u2EB2': '罒', '\u2EB3': '罓', '\u2EB4': '罓',
  '\u2EB6': '羊', '\u2EB7': '羊', '\u2EB9': '耂', '\u2EBA': '肀', '\u2EBB': '聿', '\u2EBC': '月', '\u2EBD': '臼',
  '\u2EBE': '艹', '\u2EBF': '艹', '\u2EC0': '艹', '\u2EC1': '虎', '\u2EC2': '衤', '\u2EC3': '覀', '\u2EC4': '西',
  '\u2EC5': '见', '\u2EC6': '角', '\u2EC8': '讠', '\u2EC9': '贝', '\u2ECA': '足', '\u2ECB': '车', '\u2ECC': '辶',
  '\u2ECD': '辶', '\u2ECE': '辶', '\u2ECF': '阝', '\u2ED0': '钅', '\u2ED1': '長', '\u2ED2': '镸', '\u2ED3': '长',
  '\u2ED4': '门', '\u2ED6': '阝', '\u2ED7': '雨', '\u2ED8': '青', '\u2ED9': '韦', '\u2EDA': '页', '\u2EDB': '风',
  '\u2EDC': '飞', '\u2EDD': '食', '\u2EDF': '飠', '\u2EE0': '饣', '\u2EE2': '马', '\u2EE3': '骨', '\u2EE4': '鬼',
  '\u2EE5': '鱼', '\u2EE6': '鸟', '\u2EE7': '卤', '\u2EE8': '麦', '\u2EE9': '黄', '\u2EEA': '黾', '\u2EEB': '斉',
  '\u2EEC': '齐', '\u2EED': '歯', '\u2EEE': '齿', '\u2EEF': '竜', '\u2EF0': '龙', '\u2EF1': '龜', '\u2EF2': '亀',
  '\u2EF3': '龟',
};

/**
 * Traditional → simplified for the characters that occur in final-accounts publications and common prose (about
 * 870): 決算→决算, 預算→预算, 財政撥款→财政拨款, 結轉和結餘→结转和结余, 壹貳叄… Characters whose traditional form is
 * also a distinct simplified character (乾, 著, 藉, 瞭, 覆) are left alone. Index i of TRADITIONAL maps to index i of
 * SIMPLIFIED.
 */
const TRADITIONAL =
  '決預財務報說單門們個這為爲與於從來時會國經濟費據資產業員職責項總計結轉餘額撥補營屬繳級機關運維護購車輛數統絕對準則規範劃衛辦築環醫療險災農鄉區縣鎮處廳廣東華開發實現設備構編製調節約儉壓減長較應當屆議論' +
  '證認識講讀課誤請諸謝讓變讚貨質貸貿賬帳賣買價錢銀鋼鐵錄鍵鏈間問聞閱隊陽陰際陸隨隱雙雜離難電靈響頁頂順須領頭題類顯風飛飯養館馬駐驗體髮鬥魚鳥麥黃齊齒龍龜兒內兩冊創劇勞勢勵勸協卻參號嚴圍園圖團場塊墊壞壽夠' +
  '夢奮婦學寧寶審寫將專尋導層歲嶺幣帶幫幹廠廢庫廟張彈強彙匯後徑復複徵憶懷戰戶拋掛採揚換損搖擁擇擊擴攜斷晉暫書條極槍標樣樓樂樞檔檢權歡歸歷曆殘殺氣沒況淨溝滿漢潔灣烏無熱爭牆犧獎獨獲穫畢盡監盤眾衆確礎禮禍種' +
  '稅稱穩積窮競筆簡籌糧係繫紀紅納純紙細組織終給絡繼績續綜綠網線緊練縮罰義習聯聲聽肅脅腦興舉舊艱藝藥蘇虧裝襲見視親覺觀訂討訓託記許訪評試詳誠話該語談諾謀貢貧貫貴貼賠賦贈趕趨跡蹟踐軍軟載輔輕輸轄連進過達違遠' +
  '適遷選遺還邊郵鄰針閉陳陣階雖雞雲頒顧飲驅鬆麵黨點齡億萬優儀償儲傳傷債僅傑負偽僱倉執壇獻紛動勝勳厲葉蓋薦蘭虛蟲術衝覽觸詞譯豐豬貝販貪賓賽贊贏輪辭遞邏醜釋鐘鍾鑑鑒閣闊隸靜韓韋頻顆願颱臺檯饋騎騰驚髒鬧魯鮮鳳' +
  '鴻鹽麗齋獅猶濕滬測湯溫漲潤澤濱灘燈燒煉爐牽狀獸瓊畫異疊盜碼磚祿穀竊籃簽籤粵糾紡紹絲綁緒緩締縱繩繪罷羅聖腫膚臉臟艙莊蒼蕭薩藍蘊褲訴診誇詩詢誌誕誘誰諮謂謹譜豎貯賀賃賄賜賞賢賴躍軌輩輝輯辯邁鄭釀鈔鉛銅銷鋪鋒' +
  '錦錯鍋鎖鏡鑄閃閒閘闡陝隕霧韌韻頌頓頗顏飢飼飽飾餅餓饒駁駕駛騙驕驟鬍鬱鯨鳴鴨鵝鷹鹵麼黴靑黽並併佈佔裡裏迴週鉅嚮纔捲兇闆傢擔擬圓貳叄嗎啟喪嘆噴壯奪奬孫宮寬寢尷屢岡峽帥師幾廂廈廬弔彌徹惡惱愛態慘慣慮憂憑懇懶' +
  '懸懼戲揮捨掃掙揀搶摟撲撐擠擺攤敗敵斬昇暢曉朧桿梘棄棟楊榮槓樁橋檻櫃歐殼毀氫氾洩滅滌漁漸潛澀濁濃濫瀕灑煙煩燦爛牘犖猻獄瑣瓏甦畝疇癢皚盞睏瞞礙祕禦稈稜穌窩筧箋篤簍糞紐紓紳絀絞絨綱緝緣縫繃繞纜罈羨翺聰脫腳膽' +
  '艦芻蔔蔣蘋虜蠻襯覓訝詐誼諒謠譏讒豈貞貶賊賤贖趙蹤軀轟迆遙邇鄧醬鈍鈴銘鋁鍊鍍鎔鏽鐸鑰鑽閏閑闖隴雋靂韁頃頑顱飄餞餵饞駭騷驛驢髏鬢魘鯉鳩鵡鶴鹼黷齦龕';
const SIMPLIFIED =
  '决预财务报说单门们个这为为与于从来时会国经济费据资产业员职责项总计结转余额拨补营属缴级机关运维护购车辆数统绝对准则规范划卫办筑环医疗险灾农乡区县镇处厅广东华开发实现设备构编制调节约俭压减长较应当届议论' +
  '证认识讲读课误请诸谢让变赞货质贷贸账账卖买价钱银钢铁录键链间问闻阅队阳阴际陆随隐双杂离难电灵响页顶顺须领头题类显风飞饭养馆马驻验体发斗鱼鸟麦黄齐齿龙龟儿内两册创剧劳势励劝协却参号严围园图团场块垫坏寿够' +
  '梦奋妇学宁宝审写将专寻导层岁岭币带帮干厂废库庙张弹强汇汇后径复复征忆怀战户抛挂采扬换损摇拥择击扩携断晋暂书条极枪标样楼乐枢档检权欢归历历残杀气没况净沟满汉洁湾乌无热争墙牺奖独获获毕尽监盘众众确础礼祸种' +
  '税称稳积穷竞笔简筹粮系系纪红纳纯纸细组织终给络继绩续综绿网线紧练缩罚义习联声听肃胁脑兴举旧艰艺药苏亏装袭见视亲觉观订讨训托记许访评试详诚话该语谈诺谋贡贫贯贵贴赔赋赠赶趋迹迹践军软载辅轻输辖连进过达违远' +
  '适迁选遗还边邮邻针闭陈阵阶虽鸡云颁顾饮驱松面党点龄亿万优仪偿储传伤债仅杰负伪雇仓执坛献纷动胜勋厉叶盖荐兰虚虫术冲览触词译丰猪贝贩贪宾赛赞赢轮辞递逻丑释钟钟鉴鉴阁阔隶静韩韦频颗愿台台台馈骑腾惊脏闹鲁鲜凤' +
  '鸿盐丽斋狮犹湿沪测汤温涨润泽滨滩灯烧炼炉牵状兽琼画异叠盗码砖禄谷窃篮签签粤纠纺绍丝绑绪缓缔纵绳绘罢罗圣肿肤脸脏舱庄苍萧萨蓝蕴裤诉诊夸诗询志诞诱谁咨谓谨谱竖贮贺赁贿赐赏贤赖跃轨辈辉辑辩迈郑酿钞铅铜销铺锋' +
  '锦错锅锁镜铸闪闲闸阐陕陨雾韧韵颂顿颇颜饥饲饱饰饼饿饶驳驾驶骗骄骤胡郁鲸鸣鸭鹅鹰卤么霉青黾并并布占里里回周巨向才卷凶板家担拟圆贰叁吗启丧叹喷壮夺奖孙宫宽寝尴屡冈峡帅师几厢厦庐吊弥彻恶恼爱态惨惯虑忧凭恳懒' +
  '悬惧戏挥舍扫挣拣抢搂扑撑挤摆摊败敌斩升畅晓胧杆枧弃栋杨荣杠桩桥槛柜欧壳毁氢泛泄灭涤渔渐潜涩浊浓滥濒洒烟烦灿烂牍荦狲狱琐珑苏亩畴痒皑盏困瞒碍秘御秆棱稣窝笕笺笃篓粪纽纾绅绌绞绒纲缉缘缝绷绕缆坛羡翱聪脱脚胆' +
  '舰刍卜蒋苹虏蛮衬觅讶诈谊谅谣讥谗岂贞贬贼贱赎赵踪躯轰迤遥迩邓酱钝铃铭铝炼镀熔锈铎钥钻闰闲闯陇隽雳缰顷顽颅飘饯喂馋骇骚驿驴髅鬓魇鲤鸠鹉鹤碱黩龈龛';

/** Full-width forms kept as they are: the Chinese punctuation that structures sentences and quotes readably. */
const KEEP_FULL_WIDTH = new Set(['，', '；', '：', '（', '）', '！', '？']);

const CHAR_MAP: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const simplified = new Map<string, string>();
  for (let i = 0; i < TRADITIONAL.length; i++) simplified.set(TRADITIONAL[i]!, SIMPLIFIED[i]!);
  const simplify = (c: string) => simplified.get(c) ?? c;
  for (const [t, s] of simplified) map.set(t, s);
  for (let i = 0; i < KANGXI.length; i++) map.set(String.fromCharCode(0x2f00 + i), simplify(KANGXI[i]!));
  for (const [r, c] of Object.entries(RADICAL_SUPPLEMENT)) map.set(r, simplify(c));
  for (let cp = 0xff01; cp <= 0xff5e; cp++) {
    const c = String.fromCharCode(cp);
    if (!KEEP_FULL_WIDTH.has(c)) map.set(c, String.fromCharCode(cp - 0xfee0));
  }
  return map;
})();

// Characters to map one by one: radicals, full-width ASCII, CJK compatibility ideographs, traditional forms, zero-width
// marks; \p{Script=Han} is too wide to list, so the traditional table is looked up for every Han character.
const CHAR_RE =
  /[\u2e80-\u2fdf\uff01-\uff5e\uf900-\ufaff\u200b-\u200d\u2060\ufeff\u00ad]|[\u{2f800}-\u{2fa1f}]|\p{Script=Han}/gu;

function mapChar(c: string): string {
  const m = CHAR_MAP.get(c);
  if (m !== undefined) return m;
  const cp = c.codePointAt(0)!;
  if ((cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x2f800 && cp <= 0x2fa1f)) {
    // CJK compatibility ideographs decompose canonically to one unified ideograph.
    const n = c.normalize('NFC');
    return CHAR_MAP.get(n) ?? n;
  }
  if (cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0x2060 || cp === 0xfeff || cp === 0xad)
    return '';
  return c;
}

/** A line that spells a title out letter by letter: "项 目 支 出 绩 效 自 评 表", "合 计". */
const SPACED_OUT_RE = /^\p{Script=Han}(?: \p{Script=Han})+$/u;

/** Units a number keeps without a space before them: amounts and percentages (any number). */
const AMOUNT_UNIT_SPACE_RE = /(\d) +(?=万元|亿元|元|%|‰|平方米)/g;
/** Count units after a whole number: "7 人" → "7人", "1 辆", "0 批次", "0 台（套）". */
const COUNT_UNIT_SPACE_RE = /(?<![\d.])(\d+) +(?=人次|人(?![员民])|辆|个|批次|次|台|套|家|户|名|倍|份|天)/g;

/**
 * A romanisation a mirror site injects after each character it annotates: 政務(wù)服務(wù)中心, 總計(jì). A syllable of
 * Latin letters with a tone mark, in brackets right after a Chinese character; plain Latin text in brackets stays.
 */
const PINYIN_RE =
  /(?<=\p{Script=Han})[(（](?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,6}[)）]/gu;

/**
 * Normalises one line or paragraph of extracted text, so that the auditor sees one form whatever produced the
 * document:
 * - Kangxi radicals and CJK radicals supplement (U+2E80–U+2FDF, as Chromium-printed PDFs give them: "⽀出") and CJK
 *   compatibility ideographs → the ordinary ideographs;
 * - full-width ASCII → ASCII ("２０２２" → "2022", "８３．０６％" → "83.06%"), except the Chinese punctuation that
 *   structures sentences (，；：（）！？), which stays as written so that quotes read naturally; a full-width comma
 *   between digits ("2，940.05") becomes a thousands separator;
 * - traditional characters → simplified (決算 → 决算), for the characters of the table above; a romanised syllable
 *   injected after a character by a mirror site ("服務(wù)") removed;
 * - white space: runs of spaces, tabs, ideographic spaces → one space, trimmed; zero-width marks removed; a line
 *   spelled out letter by letter ("合 计") is closed up;
 * - spaces between a number and its unit ("360.44 万元" → "360.44万元", "7 人", "2022 年 12 月 31 日" →
 *   "2022年12月31日", "第 1 页" → "第1页"). Spaces between two numbers stay: in a table line they separate cells.
 * NFKC over the whole text is not used: it would turn "，" into "," and "（" into "(", and ① into 1.
 * The result is stable: normaliseText(normaliseText(s)) === normaliseText(s).
 */
export function normaliseText(s: string): string {
  let t = s.replace(CHAR_RE, mapChar).replace(PINYIN_RE, '');
  t = t.replace(/\s+/g, ' ').trim();
  if (SPACED_OUT_RE.test(t)) t = t.replace(/ /g, '');
  return t
    .replace(/(\d)，(?=\d{3}(?!\d))/g, '$1,')
    .replace(AMOUNT_UNIT_SPACE_RE, '$1')
    .replace(COUNT_UNIT_SPACE_RE, '$1')
    .replace(/(?<![\d.])((?:19|20)\d{2}) +(?=年)/g, '$1')
    .replace(/年 +(?=\d{1,2} *月)/g, '年')
    .replace(/(?<![\d.])(\d{1,2}) +(?=[月日])/g, '$1')
    .replace(/月 +(?=\d{1,2} *日)/g, '月')
    .replace(/(^|[^\d.])(\d{1,2})\. +(?=\p{Script=Han})/gu, '$1$2.')
    .replace(/第 +(?=\d)/g, '第')
    .replace(/(第\d+) +(?=[页章节条])/g, '$1');
}

/** A page number line as printed: "— 1 —", "- 12 -", "第1页", "第 1 页 共 24 页", "1/24", "Page 3 of 9". */
const PAGE_NUMBER_RE =
  /^(?:[-–—－―~·•]+ ?\d{1,4} ?[-–—－―~·•]+|第 ?\d{1,4} ?页(?: ?[,，/]? ?共 ?\d{1,4} ?页)?|\d{1,4} ?\/ ?\d{1,4}|page ?\d{1,4}(?: ?(?:of|\/) ?\d{1,4})?)$/i;

/** Whether a (normalised) line is a page number in one of the printed forms ("— 1 —", "第 1 页", "1/24"). */
export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER_RE.test(text.trim());
}

/** How many lines at the top and at the bottom of a page can be page furniture. */
const EDGE = 3;

/**
 * Removes page numbers and running headers/footers: lines at the top or bottom of a page (within three lines of the
 * edge) that are a page number ("— 1 —", "第 1 页"), a bare number that counts the pages (1, 2, 3… on most pages,
 * possibly offset), or a line repeated at the same edge on most pages (digits ignored in lines with at most two
 * numbers, so "第 3 页 共 9 页" and "file:///… 3/25" count as one). Lines are taken from the edge inwards and the first
 * line that is not furniture stops the walk; a unit line ("单位：万元", "编制单位：…") is never furniture. Line numbers
 * are kept as they were.
 */
export function removePageFurniture(pages: readonly TextPage[]): TextPage[] {
  const kept = pages.map((p) => p.lines.filter((l) => l.text.trim() !== ''));
  const drop = new Set<TextLine>();

  // Bare numbers counting the pages: the offset (number − page) most pages agree on.
  const bare: { line: TextLine; offset: number }[] = [];
  const edges = (lines: TextLine[]) => new Set([...lines.slice(0, EDGE), ...lines.slice(-EDGE)]);
  kept.forEach((lines, i) => {
    for (const line of edges(lines)) {
      if (/^\d{1,4}$/.test(line.text.trim())) bare.push({ line, offset: Number(line.text) - (i + 1) });
    }
  });
  const offsets = new Map<number, number>();
  for (const b of bare) offsets.set(b.offset, (offsets.get(b.offset) ?? 0) + 1);
  const [bestOffset, bestCount] = [...offsets].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  // Most pages must agree: a lone code digit ending a table page ("21" / "0") is no page counter.
  const pagesWithText = kept.filter((l) => l.length > 0).length;
  const needed = Math.max(2, Math.ceil(pagesWithText * 0.4));
  for (const b of bare) if (b.offset === bestOffset && bestCount >= needed) drop.add(b.line);
  kept.forEach((lines) => {
    for (const line of edges(lines)) if (isPageNumber(line.text)) drop.add(line);
  });

  // Running headers and footers: the same text (digits masked) at the same edge of most pages.
  const withText = kept.filter((l) => l.length > 0).length;
  if (withText >= 3) {
    // Digits are masked in short, number-poor lines ("第 3 页 共 9 页", "file:///… 3/25"), never in a table row.
    const key = (l: TextLine) => {
      const t = l.text.replace(/\s+/g, '');
      // "附表1", "表2" are table numbers, not page counters.
      return (t.match(/\d+/g) ?? []).length <= 2 && !t.includes('表') ? t.replace(/\d+/g, '#') : t;
    };
    const threshold = Math.max(3, Math.ceil(withText * 0.6));
    const count = (edge: (lines: TextLine[]) => TextLine[]) => {
      const c = new Map<string, number>();
      for (const lines of kept) for (const k of new Set(edge(lines).map(key))) c.set(k, (c.get(k) ?? 0) + 1);
      return c;
    };
    const live = (lines: TextLine[]) => lines.filter((l) => !drop.has(l));
    // A table's unit line is never furniture, however often it repeats: the table reader needs it.
    const protectedLine = (l: TextLine) => /(?:^|编制)单位[:：]/.test(l.text);
    const top = count((lines) => live(lines).slice(0, EDGE));
    const bottom = count((lines) => live(lines).slice(-EDGE));
    for (const lines of kept) {
      const rest = live(lines);
      for (const l of rest) {
        const k = key(l);
        if (k.length < 2 || (top.get(k) ?? 0) < threshold || protectedLine(l)) break;
        drop.add(l);
      }
      for (const l of [...rest].reverse()) {
        if (drop.has(l)) break;
        const k = key(l);
        if (k.length < 2 || (bottom.get(k) ?? 0) < threshold || protectedLine(l)) break;
        drop.add(l);
      }
    }
  }
  return pages.map((p, i) => ({ ...p, lines: kept[i]!.filter((l) => !drop.has(l)) }));
}

/** A paragraph rebuilt from lines, with where each of its lines starts (to quote page and line of any span). */
export interface Paragraph {
  text: string;
  /** Page and line of its first line. */
  page: number;
  line: number;
  /** Offsets in `text` where each source line begins, in order. */
  parts: { offset: number; page: number; line: number }[];
}

/** Page and line of the character at `offset` of a paragraph. */
export function locateInParagraph(p: Paragraph, offset: number): { page: number; line: number } {
  let at = p.parts[0] ?? { page: p.page, line: p.line };
  for (const part of p.parts) {
    if (part.offset > offset) break;
    at = part;
  }
  return { page: at.page, line: at.line };
}

/** A heading that starts a paragraph: 一、 （三） (三) 第二部分 第一章 表一 附表 附件. */
const HEADING_RE =
  /^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[）)]|第[一二三四五六七八九十百\d]+(?:部分|章|节)|表[一二三四五六七八九十]+(?:[ 、：:]|$|(?=[\u4e00-\u9fff]))|附表|附件)/;
/** A line that ends a sentence (and so a paragraph of the extracted text). */
const SENTENCE_END_RE = /[。！？!?][”’」』）)]*$/;

/** Display width in CJK character widths: wide characters 1, ASCII and half-width ½. */
function displayWidth(s: string): number {
  let w = 0;
  for (const c of s) w += c.charCodeAt(0) < 0x1100 || (c >= '\uff61' && c <= '\uffdc') ? 0.5 : 1;
  return w;
}

interface LineGeometry {
  left: number;
  right: number;
  size: number;
  /** Whether the line has a gap of more than two characters between pieces (a table row). */
  gapped: boolean;
}

function geometry(line: TextLine): LineGeometry | undefined {
  const items = line.items;
  if (!items || items.length === 0) return undefined;
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const sizes = items.map((i) => i.height).sort((a, b) => a - b);
  const size = sizes[Math.floor(sizes.length / 2)]! || 10;
  let gapped = false;
  for (let i = 1; i < items.length; i++) {
    const prev = items[i - 1]!;
    if (items[i]!.x - (prev.x + prev.width) > 2 * size) gapped = true;
  }
  return { left: first.x, right: last.x + last.width, size, gapped };
}

function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** A text line that looks like a table row: three or more numbers as separate tokens and no sentence punctuation. */
function looksTabular(text: string): boolean {
  if (/[，。；]/.test(text)) return false;
  return text.split(' ').filter((t) => /^[-+=<>≥≤]*\d[\d,]*(?:\.\d+)?%?$/.test(t)).length >= 3;
}

/** Whether blank lines (gaps in the numbering) separate paragraphs: not when nearly every line is followed by one. */
function blankLinesMeanBreaks(lines: readonly TextLine[]): boolean {
  let gaps = 0;
  let pairs = 0;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i]!.page !== lines[i - 1]!.page) continue;
    pairs++;
    if (lines[i]!.line > lines[i - 1]!.line + 1) gaps++;
  }
  return pairs > 0 && gaps / pairs < 0.6;
}

interface PageMargins {
  left: number;
  right: number;
  pitch: number | undefined;
}

/** The geometry of the lines with positions, and each page's margins and line pitch. */
function pageGeometry(lines: readonly TextLine[]): {
  geo: Map<TextLine, LineGeometry>;
  pageMargins: Map<number, PageMargins>;
} {
  const geo = new Map<TextLine, LineGeometry>();
  const pageMargins = new Map<number, PageMargins>();
  const byPage = new Map<number, TextLine[]>();
  for (const l of lines) {
    const g = geometry(l);
    if (!g) continue;
    geo.set(l, g);
    const list = byPage.get(l.page) ?? [];
    list.push(l);
    byPage.set(l.page, list);
  }
  for (const [page, list] of byPage) {
    const body = list.filter((l) => !geo.get(l)!.gapped && l.text.length >= 8);
    const use = body.length >= 3 ? body : list;
    const pitches: number[] = [];
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1]!.y;
      const b = list[i]!.y;
      if (a !== undefined && b !== undefined && b > a) pitches.push(b - a);
    }
    pageMargins.set(page, {
      left:
        percentile(
          use.map((l) => geo.get(l)!.left),
          0.1,
        ) ?? 0,
      right:
        percentile(
          use.map((l) => geo.get(l)!.right),
          0.9,
        ) ?? 0,
      pitch: percentile(pitches, 0.5),
    });
  }
  return { geo, pageMargins };
}

/** The test of whether a line starts a new paragraph after the one before (see joinBrokenLines). */
function paragraphBreaks(lines: readonly TextLine[]): (prev: TextLine, cur: TextLine) => boolean {
  const blankBreaks = blankLinesMeanBreaks(lines);
  // Text widths: the typical full line, for lines without positions.
  const widths = lines.filter((l) => !l.items && l.text.length > 5).map((l) => displayWidth(l.text));
  const typicalWidth = percentile(widths, 0.9) ?? 0;
  // Page margins and line pitch, for lines with positions.
  const { geo, pageMargins } = pageGeometry(lines);

  const isShort = (l: TextLine): boolean => {
    const g = geo.get(l);
    const m = pageMargins.get(l.page);
    if (g && m) return g.right < m.right - 2 * g.size;
    return typicalWidth > 0 && displayWidth(l.text) < 0.8 * typicalWidth;
  };
  const isIndented = (l: TextLine): boolean => {
    const g = geo.get(l);
    const m = pageMargins.get(l.page);
    return g !== undefined && m !== undefined && g.left > m.left + 1.2 * g.size;
  };
  const isTabular = (l: TextLine): boolean => geo.get(l)?.gapped ?? looksTabular(l.text);
  const isHeading = (l: TextLine): boolean => HEADING_RE.test(l.text);

  return (prev: TextLine, cur: TextLine): boolean => {
    // Without positions a line ending a sentence ends the paragraph; with them, the margins tell (a sentence can end
    // at the right margin in the middle of a paragraph).
    if (SENTENCE_END_RE.test(prev.text) && !(geo.has(prev) && geo.has(cur))) return true;
    if (isHeading(cur) || isTabular(cur) || isTabular(prev)) return true;
    // A heading line without sentence punctuation is a heading alone: "（一）机关运行经费支出情况".
    if (isHeading(prev) && !/[，。：；,:;]/.test(prev.text)) return true;
    if (isShort(prev)) return true;
    if (isIndented(cur)) return true;
    if (prev.page === cur.page) {
      if (blankBreaks && cur.line > prev.line + 1) return true;
      const pitch = pageMargins.get(cur.page)?.pitch;
      if (pitch !== undefined && prev.y !== undefined && cur.y !== undefined && cur.y - prev.y > 1.6 * pitch)
        return true;
    }
    return false;
  };
}

/**
 * Rebuilds paragraphs from lines broken anywhere — mid-sentence, mid-number, mid-word — as extraction gives them (the
 * seed: "收入总计与上年相比，增加 26.58 万元，" / "增长 7.96%，…"). Lines are joined without a space (Chinese has none; a
 * number broken over two lines closes up), except two Latin words, which get one. A new paragraph starts:
 * - after a line that ends a sentence (。！？, possibly followed by a closing quote or bracket);
 * - at a heading (一、 （三） 第二部分 表一 …), and after a heading line that does not run to the right margin;
 * - after a short line (one that stops well before the right margin: the last line of a paragraph);
 * - at an indented line (PDF: first-line indent or a centred line), and after a wider gap between lines than usual;
 * - at and after a table row (a line of separate numbers), which is never merged into prose;
 * - at a blank line, when blank lines separate paragraphs rather than every line (the seed has one after every line,
 *   so there they mean nothing).
 * A page break is no boundary by itself: sentences run on across pages. Input lines are expected to be normalised
 * (readers give them so); plain strings are normalised here and numbered as page 1, line i + 1.
 */
export function joinBrokenLines(input: readonly (TextLine | string)[]): Paragraph[] {
  const lines: TextLine[] = input
    .map((l, i) => (typeof l === 'string' ? { text: normaliseText(l), page: 1, line: i + 1 } : l))
    .filter((l) => l.text !== '');
  if (lines.length === 0) return [];
  const startsNew = paragraphBreaks(lines);

  const out: Paragraph[] = [];
  let current: Paragraph | undefined;
  let prev: TextLine | undefined;
  for (const l of lines) {
    if (!current || !prev || startsNew(prev, l)) {
      current = {
        text: l.text,
        page: l.page,
        line: l.line,
        parts: [{ offset: 0, page: l.page, line: l.line }],
      };
      out.push(current);
    } else {
      let text = current.text;
      if (/[A-Za-z]-$/.test(text) && /^[a-z]/.test(l.text)) text = text.slice(0, -1);
      else if (/[A-Za-z]$/.test(text) && /^[A-Za-z]/.test(l.text)) text += ' ';
      // Normalise across the seam ("0.00 万" + "元" → "0.00万元"); only spaces near it can go, so the new line's text
      // is the tail of the result.
      const joined = normaliseText(text + l.text);
      const offset = Math.max(0, Math.min(joined.length, joined.length - l.text.length));
      current.parts.push({ offset, page: l.page, line: l.line });
      current.text = joined;
    }
    prev = l;
  }
  return out;
}

/**
 * The paragraphs of a document: DOCX lines are paragraphs already (one per w:p); PDF and text lines are joined with
 * joinBrokenLines.
 */
export function documentParagraphs(doc: { kind: string; pages: readonly TextPage[] }): Paragraph[] {
  const lines = doc.pages.flatMap((p) => p.lines);
  if (doc.kind === 'docx')
    return lines
      .filter((l) => l.text !== '')
      .map((l) => ({
        text: l.text,
        page: l.page,
        line: l.line,
        parts: [{ offset: 0, page: l.page, line: l.line }],
      }));
  return joinBrokenLines(lines);
}
