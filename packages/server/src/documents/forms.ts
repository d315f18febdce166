/**
 * The content of forms 01-07 (Circular 03/2025/TT-VPCP, Appendix I, after Circular 01/2018/TT-VPCP)
 * in the Decree 30/2020/NĐ-CP layout, as a `DocumentSpec` that both renderers lay out.
 */
import { checkpointBlocks } from './checkpoints.ts';
import { code128Png, qrPng } from './codes.ts';
import { placeAndDate, viClock, viCount, viDateTime, viShortDate, viTime, viUpper } from './format.ts';
import {
  A4,
  type Block,
  b,
  type CellContent,
  type ColumnsBlock,
  cell,
  DECREE_30_MARGINS,
  type DocumentSpec,
  i,
  type ParagraphBlock,
  para,
  type TableCell,
  type TextRun,
} from './layout.ts';
import {
  type Applicant,
  type Channel,
  type DocumentForm,
  FORMS_BASIS,
  type FormCode,
  type FormContext,
  FormDataError,
  formInfo,
  type ProcessingTime,
  type RegisterRow,
  type StepResult,
} from './model.ts';

const BODY = 13;
const TITLE = 14;
const HEADER = 12.5;
const BLANK = '……………………';
/** Space after the short field lines of the forms (body paragraphs keep the Decree's 6 pt). */
const FIELD_AFTER = 4;

const CHANNEL: Record<Channel, string> = {
  counter: 'Trực tiếp',
  online: 'Trực tuyến',
  post: 'Qua dịch vụ bưu chính công ích',
};

const RETURN_METHOD: Record<Channel, string> = {
  counter: 'Trực tiếp',
  online: 'Trực tuyến',
  post: 'Bưu chính công ích',
};

const DOCUMENT_FORM: Record<DocumentForm, string> = {
  original: 'Bản chính',
  certified_copy: 'Bản sao có chứng thực',
  copy: 'Bản sao',
  electronic: 'Bản điện tử',
};

const STEP_RESULT: Record<StepResult, string> = { early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Quá hạn' };

const PROCESSING_UNIT: Record<ProcessingTime['unit'], string> = {
  working_days: 'ngày làm việc',
  days: 'ngày',
  working_hours: 'giờ làm việc',
};

/** NFC-normalises every string of the context, recursively (dates and other objects kept). */
function normalised<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(normalised) as T;
  if (value && typeof value === 'object' && !(value instanceof Date) && !(value instanceof Uint8Array)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalised(v)])) as T;
  }
  return value;
}

/** Ends a sentence with a full stop unless it already has closing punctuation. */
function sentence(text: string): string {
  const t = text.trim();
  return /[.!?…:;]$/.test(t) ? t : `${t}.`;
}

/** "Ông Nguyễn Văn An", "Ông/Bà Nguyễn Văn An", or an organisation's name. */
function applicantLabel(a: Applicant): string {
  if (a.kind === 'organisation') return a.name;
  return `${a.salutation ?? 'Ông/Bà'} ${a.name}`;
}

/** How the body refers to the applicant: "Ông", "Bà", "Ông/Bà", "Quý tổ chức". */
function pronoun(a: Applicant): string {
  if (a.kind === 'organisation') return 'Quý tổ chức';
  return a.salutation ?? 'Ông/Bà';
}

/** What a person's number is: the 12-digit personal identification number, or an old 9-digit ID card. */
function personalIdLabel(id: string): string {
  return /^\d{9}$/.test(id.trim()) ? 'Số Chứng minh nhân dân' : 'Số định danh cá nhân';
}

function idLabel(a: Applicant, id: string): string {
  return a.kind === 'organisation' ? 'Mã số doanh nghiệp/Mã số thuế' : personalIdLabel(id);
}

const line = (
  label: string,
  value: string | undefined,
  options: Omit<ParagraphBlock, 'kind' | 'runs'> = {},
) =>
  para([`${label}: `, value?.trim() ? value : BLANK], { align: 'left', spaceAfter: FIELD_AFTER, ...options });

// Decree 30/2020 building blocks.

/**
 * Splits a header line that would not fit its column into as few lines as needed, of even length,
 * breaking between words ("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" becomes "TRUNG TÂM PHỤC VỤ" /
 * "HÀNH CHÍNH CÔNG" rather than leaving one word on the last line), as agencies set their names by
 * hand. Both renderers then print the same lines. `maxChars` is what the column holds in capitals.
 */
export function balancedLines(text: string, maxChars: number): string[] {
  const words = text.trim().split(/\s+/);
  const length = (ws: string[]) => ws.join(' ').length;
  if (length(words) <= maxChars || words.length < 2) return [words.join(' ')];
  for (let count = 2; count <= words.length; count++) {
    // The split into `count` lines whose lengths differ least from the average.
    const best = evenSplit(words, count);
    if (best.every((ws) => length(ws) <= maxChars)) return best.map((ws) => ws.join(' '));
  }
  return words;
}

function evenSplit(words: string[], count: number): string[][] {
  if (count === 1) return [words];
  const total = words.join(' ').length;
  const target = total / count;
  let best: string[][] = [words];
  let bestScore = Number.POSITIVE_INFINITY;
  for (let cut = 1; cut <= words.length - count + 1; cut++) {
    const head = words.slice(0, cut);
    const rest = evenSplit(words.slice(cut), count - 1);
    const lines = [head, ...rest];
    const score = Math.max(...lines.map((ws) => Math.abs(ws.join(' ').length - target)));
    if (score < bestScore) {
      bestScore = score;
      best = lines;
    }
  }
  return best;
}

/**
 * The header: agency block top left (parent agency in capitals, issuing agency in bold capitals,
 * a short rule, the number if any) and the national motto top right, the place and date under it.
 */
function header(ctx: FormContext, number?: string, landscape = false): ColumnsBlock {
  const left: CellContent[] = [];
  // The left column is 2/5 of the text width; capitals at 12.5 pt take about 2.6 mm (bold 2.85 mm).
  const columnMm =
    (((landscape ? A4.height : A4.width) - DECREE_30_MARGINS.left - DECREE_30_MARGINS.right) * 2) / 5;
  const headerLine = (text: string, bold: boolean) =>
    para(bold ? b(text) : text, { align: 'center', size: HEADER, spaceAfter: 0, fit: true });
  if (ctx.agency.parentName) {
    for (const text of balancedLines(viUpper(ctx.agency.parentName), Math.floor(columnMm / 2.6)))
      left.push(headerLine(text, false));
  }
  const name = balancedLines(viUpper(ctx.agency.name), Math.floor(columnMm / 2.85)).map((text) =>
    headerLine(text, true),
  );
  name[name.length - 1]!.rule = true;
  left.push(...name);
  if (number !== undefined) {
    left.push(para(`Số: ${number}`, { align: 'center', size: BODY, spaceBefore: 8, spaceAfter: 0 }));
  }
  const right: CellContent[] = [
    para(b('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), { align: 'center', size: 12, spaceAfter: 0, fit: true }),
    para({ text: 'Độc lập - Tự do - Hạnh phúc', bold: true, underline: true }, { align: 'center', size: 13 }),
    para(i(placeAndDate(ctx.agency.place, ctx.issuedAt)), {
      align: 'center',
      size: BODY,
      spaceBefore: 8,
      fit: true,
    }),
  ];
  return { kind: 'columns', widths: [2, 3], cells: [left, right], spaceAfter: 6 };
}

function title(text: string, after = 0): ParagraphBlock {
  return para(b(viUpper(text)), {
    align: 'center',
    size: TITLE,
    spaceBefore: 12,
    spaceAfter: after,
    keepWithNext: true,
  });
}

/** A signature column: bold title lines, an italic instruction, room to sign, the name in bold. */
function signature(
  titles: string[],
  instruction: string | undefined,
  name: string | undefined,
): CellContent[] {
  const blocks: CellContent[] = titles.map((t) => para(b(viUpper(t)), { align: 'center', spaceAfter: 0 }));
  if (instruction) blocks.push(para(i(`(${instruction})`), { align: 'center', spaceAfter: 0 }));
  blocks.push(para(b(name ?? ''), { align: 'center', spaceBefore: 56, spaceAfter: 0 }));
  return blocks;
}

function signatures(left: CellContent[], right: CellContent[]): ColumnsBlock {
  return { kind: 'columns', widths: [1, 1], cells: [left, right] };
}

/**
 * The agency's block of forms 04 and 05, with the recipients (nơi nhận) on the left. `office` is who
 * the regulation has sign when the context names no signer.
 */
function agencySignOff(ctx: FormContext, recipients: string[], office: string): ColumnsBlock {
  const left: CellContent[] = [
    para({ text: 'Nơi nhận:', bold: true, italic: true }, { align: 'left', size: 12, spaceAfter: 0 }),
    ...recipients.map((r, n) =>
      para(`- ${r}${n === recipients.length - 1 ? '.' : ';'}`, { align: 'left', size: 11, spaceAfter: 0 }),
    ),
  ];
  const s = ctx.signer ?? { title: office };
  const right = signature(
    s.authority ? [s.authority, s.title] : [s.title],
    s.name ? undefined : 'Ký, ghi rõ họ tên và đóng dấu',
    s.name,
  );
  return { kind: 'columns', widths: [1, 1], cells: [left, right] };
}

/** "Ông/Bà Trần Văn Bình; số định danh cá nhân: 079…": a person named with their own number. */
function personWithId(name: string, idNumber: string | undefined): string {
  const id = idNumber?.trim()
    ? `; ${personalIdLabel(idNumber).toLocaleLowerCase('vi')}: ${idNumber.trim()}`
    : '';
  return `Ông/Bà ${name}${id}`;
}

function contactLines(a: Applicant): ParagraphBlock[] {
  const out: ParagraphBlock[] = [];
  if (a.idNumber) out.push(line(idLabel(a, a.idNumber), a.idNumber));
  if (a.kind === 'organisation' && a.representative) {
    out.push(line('Người đại diện', personWithId(a.representative.name, a.representative.idNumber)));
  }
  out.push(line('Địa chỉ', a.address));
  const contact: TextRun[] = [{ text: `Số điện thoại: ${a.phone ?? BLANK}` }];
  if (a.email) contact.push({ text: `; Email: ${a.email}` });
  out.push(para(contact, { align: 'left', spaceAfter: FIELD_AFTER }));
  if (a.proxy) {
    const p = a.proxy;
    const parts = [`Người nộp thay: ${personWithId(p.name, p.idNumber)}`];
    if (p.address) parts.push(`địa chỉ: ${p.address}`);
    if (p.phone) parts.push(`số điện thoại: ${p.phone}`);
    const capacity = p.capacity ? ` (${p.capacity})` : '';
    out.push(para(`${parts.join('; ')}${capacity}`, { align: 'left', spaceAfter: FIELD_AFTER }));
  }
  return out;
}

function request(ctx: FormContext): ParagraphBlock {
  return para(['Nội dung yêu cầu giải quyết: ', b(ctx.dossier.procedureName)], {
    align: 'justify',
    spaceAfter: FIELD_AFTER,
  });
}

function procedureDetails(ctx: FormContext): ParagraphBlock {
  const d = ctx.dossier;
  const code = d.procedureCode ? `; mã thủ tục: ${d.procedureCode}` : '';
  return para(`Lĩnh vực: ${d.fieldName}${code}.`, { align: 'left', spaceAfter: FIELD_AFTER });
}

const numbered = (
  n: number,
  text: string | (string | TextRun)[],
  options: Omit<ParagraphBlock, 'kind' | 'runs'> = {},
) =>
  para([`${n}. `, ...(typeof text === 'string' ? [text] : text)], {
    align: 'justify',
    indentMm: 6,
    firstLineMm: -6,
    spaceAfter: FIELD_AFTER,
    ...options,
  });

const headerCell = (text: string, span: { colSpan?: number; rowSpan?: number } = {}): TableCell =>
  cell(para(b(text), { align: 'center', spaceAfter: 0, size: 12 }), span);

const textCell = (text: string, align: ParagraphBlock['align'] = 'left', size = 12): TableCell =>
  cell(para(text, { align, spaceAfter: 0, size }));

// The forms.

/** Whole đồng with dots between thousands, as Vietnamese amounts are written: 1.500.000. */
const viAmount = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** The fee due at reception: its VietQR code beside the account, amount and reference in words. */
async function feeDueBlocks(ctx: FormContext): Promise<Block[]> {
  const fee = ctx.feeDue;
  if (!fee) return [];
  const qr = await qrPng(fee.payload);
  return [
    {
      kind: 'columns',
      widths: [4, 1],
      cells: [
        [
          para(b('Phí, lệ phí phải nộp'), { align: 'left', spaceAfter: 2, keepWithNext: true }),
          para(['Số tiền: ', b(`${viAmount(fee.amountVnd)} đồng`)], { align: 'left', spaceAfter: 0 }),
          para(
            `Chuyển khoản đến: ${fee.accountName}, số tài khoản ${fee.accountNumber}${fee.bankName ? `, ${fee.bankName}` : ''}`,
            { align: 'left', spaceAfter: 0 },
          ),
          para(['Nội dung chuyển khoản: ', b(fee.reference)], { align: 'left', spaceAfter: 0 }),
          para(i('Quét mã VietQR bằng ứng dụng ngân hàng để chuyển đúng số tiền và nội dung.'), {
            align: 'left',
            size: 11,
            spaceAfter: 0,
          }),
        ],
        [
          {
            kind: 'image',
            png: qr,
            widthMm: 28,
            heightMm: 28,
            align: 'right',
            alt: `VietQR ${fee.reference}`,
          },
        ],
      ],
      spaceAfter: 6,
    },
  ];
}

async function form01(ctx: FormContext): Promise<Block[]> {
  const d = ctx.dossier;
  const a = ctx.applicant;
  const [qr, barcode] = await Promise.all([qrPng(ctx.lookupUrl), code128Png(d.code)]);
  const codes: ColumnsBlock = {
    kind: 'columns',
    widths: [1, 5, 1],
    cells: [
      [],
      [
        para(['Mã hồ sơ: ', b(d.code)], { align: 'center', spaceBefore: 4, spaceAfter: 2 }),
        { kind: 'image', png: barcode, widthMm: 62, heightMm: 11, align: 'center', alt: d.code },
      ],
      [
        { kind: 'image', png: qr, widthMm: 22, heightMm: 22, align: 'right', alt: ctx.lookupUrl },
        para(i('Tra cứu hồ sơ'), { align: 'right', size: 9, spaceAfter: 0 }),
      ],
    ],
    spaceAfter: 6,
  };
  const received = ctx.documents ?? [];
  const documents = received.length
    ? received.map((doc, n) => [
        textCell(String(n + 1), 'center'),
        textCell(doc.name),
        textCell(DOCUMENT_FORM[doc.form], 'center'),
        textCell(viCount(doc.copies), 'center'),
      ])
    : [[textCell('', 'center'), textCell(BLANK), textCell(''), textCell('')]];
  const delivery = d.resultDelivery ?? { method: d.channel };
  const where =
    delivery.method === 'counter'
      ? `${ctx.receivingUnit.name}${(delivery.address ?? ctx.receivingUnit.address) ? ` (${delivery.address ?? ctx.receivingUnit.address})` : ''}`
      : `${delivery.method === 'post' ? 'Dịch vụ bưu chính công ích' : 'Trực tuyến (kết quả điện tử)'}${delivery.address ? `, ${delivery.address}` : ''}`;
  const time = d.processingTime
    ? `${viCount(d.processingTime.amount)} ${PROCESSING_UNIT[d.processingTime.unit]}`
    : undefined;
  return [
    header(ctx),
    title(formInfo('01').title),
    codes,
    para([`${ctx.receivingUnit.name} tiếp nhận hồ sơ của: `, b(applicantLabel(a))], {
      align: 'justify',
      spaceAfter: FIELD_AFTER,
    }),
    ...contactLines(a),
    request(ctx),
    procedureDetails(ctx),
    line('Hình thức nộp hồ sơ', CHANNEL[d.channel]),
    numbered(1, 'Thành phần hồ sơ nộp gồm:', { keepWithNext: true }),
    {
      kind: 'table',
      widths: [13, 94, 38, 20],
      header: [
        [headerCell('STT'), headerCell('Tên giấy tờ'), headerCell('Hình thức'), headerCell('Số lượng')],
      ],
      body: documents,
      spaceAfter: 6,
    },
    numbered(2, `Số lượng hồ sơ: ${viCount(d.sets ?? 1)} bộ.`),
    numbered(3, `Thời gian giải quyết hồ sơ theo quy định: ${time ?? BLANK}.`),
    numbered(4, ['Thời gian nhận hồ sơ: ', b(viDateTime(d.receivedAt)), '.']),
    ...(d.originalDueAt
      ? [
          numbered(5, [
            'Thời gian trả kết quả giải quyết hồ sơ (hẹn ban đầu): ',
            b(viDateTime(d.originalDueAt)),
            '.',
          ]),
          para(['Thời gian hẹn lại trả kết quả (sau khi gia hạn): ', b(viDateTime(d.dueAt)), '.'], {
            align: 'left',
            indentMm: 6,
            spaceAfter: FIELD_AFTER,
          }),
        ]
      : [numbered(5, ['Thời gian trả kết quả giải quyết hồ sơ: ', b(viDateTime(d.dueAt)), '.'])]),
    numbered(6, `Đăng ký nhận kết quả tại: ${sentence(where)}`),
    ...(await feeDueBlocks(ctx)),
    para(
      `Vào Sổ theo dõi hồ sơ, Quyển số: ${d.registerBook ?? BLANK}, Số thứ tự: ${d.registerNumber ?? BLANK}.`,
      { align: 'left' },
    ),
    para(i(`Tra cứu tình trạng hồ sơ: quét mã QR hoặc truy cập ${ctx.lookupUrl}`), {
      align: 'left',
      size: 12,
      spaceAfter: 8,
      keepWithNext: true,
    }),
    signatures(
      signature(['Người nộp hồ sơ'], 'Ký và ghi rõ họ tên', a.proxy?.name ?? a.name),
      signature(['Người tiếp nhận hồ sơ'], 'Ký và ghi rõ họ tên', ctx.officer?.name),
    ),
  ];
}

function form02(ctx: FormContext): Block[] {
  const s = ctx.supplement;
  if (!s) throw new FormDataError('02', 'supplement');
  if (s.items.length === 0) throw new FormDataError('02', 'supplement.items (at least one)');
  const a = ctx.applicant;
  const d = ctx.dossier;
  return [
    header(ctx),
    title(formInfo('02').title),
    para(['Mã hồ sơ: ', b(d.code)], { align: 'center', spaceBefore: 4, spaceAfter: 10 }),
    para(['Hồ sơ của: ', b(applicantLabel(a))], { align: 'left', spaceAfter: FIELD_AFTER }),
    ...contactLines(a),
    request(ctx),
    procedureDetails(ctx),
    line('Thời gian nhận hồ sơ', viDateTime(d.receivedAt)),
    para('Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:', {
      align: 'left',
      spaceBefore: 6,
      keepWithNext: true,
    }),
    ...s.items.map((item, n) =>
      numbered(n + 1, [b(sentence(item.name)), ` Lý do: ${sentence(item.reason)}`]),
    ),
    ...(s.dueBy
      ? [
          para(['Thời hạn bổ sung, hoàn thiện hồ sơ: trước ', b(viDateTime(s.dueBy)), '.'], {
            align: 'justify',
            firstLineMm: 10,
          }),
        ]
      : []),
    para(
      `Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, ${pronoun(a)} liên hệ với ${s.officer}, số điện thoại ${s.officerPhone} để được hướng dẫn./.`,
      { align: 'justify', firstLineMm: 10, spaceAfter: 12, keepWithNext: true },
    ),
    signatures([], signature(['Người hướng dẫn'], 'Ký và ghi rõ họ tên', s.officer)),
  ];
}

function form03(ctx: FormContext): Block[] {
  const r = ctx.refusal;
  if (!r) throw new FormDataError('03', 'refusal');
  if (r.reasons.length === 0) throw new FormDataError('03', 'refusal.reasons (at least one)');
  const a = ctx.applicant;
  const d = ctx.dossier;
  return [
    header(ctx),
    title(formInfo('03').title, 10),
    para([`${ctx.receivingUnit.name} tiếp nhận hồ sơ của: `, b(applicantLabel(a))], {
      align: 'justify',
      spaceAfter: FIELD_AFTER,
    }),
    ...contactLines(a),
    ...(d.code ? [para(['Mã hồ sơ: ', b(d.code)], { align: 'left', spaceAfter: FIELD_AFTER })] : []),
    request(ctx),
    procedureDetails(ctx),
    line('Thời gian nhận hồ sơ', viDateTime(d.receivedAt)),
    para(
      `Qua xem xét, ${ctx.receivingUnit.name} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`,
      { align: 'justify', firstLineMm: 10, spaceBefore: 6, keepWithNext: true },
    ),
    ...(r.reasons.length === 1
      ? [para(sentence(r.reasons[0]!), { align: 'justify', firstLineMm: 10 })]
      : r.reasons.map((reason, n) => numbered(n + 1, sentence(reason)))),
    para(`Xin thông báo để ${pronoun(a)} được biết và thực hiện./.`, {
      align: 'justify',
      firstLineMm: 10,
      spaceAfter: 12,
      keepWithNext: true,
    }),
    signatures([], signature(['Người tiếp nhận hồ sơ'], 'Ký và ghi rõ họ tên', ctx.officer?.name)),
  ];
}

function form04(ctx: FormContext): Block[] {
  const ap = ctx.apology;
  if (!ap) throw new FormDataError('04', 'apology');
  const a = ctx.applicant;
  const d = ctx.dossier;
  const you = pronoun(a);
  const body = { align: 'justify', firstLineMm: 10 } as const;
  return [
    header(ctx, ctx.documentNumber ?? '        /'),
    title(formInfo('04').title, 10),
    para(['Kính gửi: ', b(applicantLabel(a))], { align: 'center', spaceAfter: 10 }),
    para(
      `Ngày ${viShortDate(d.receivedAt)}, ${ctx.receivingUnit.name} tiếp nhận hồ sơ của ${you} đề nghị giải quyết thủ tục hành chính: ${sentence(d.procedureName)}`,
      body,
    ),
    para(['Mã hồ sơ: ', b(d.code), '.'], body),
    para(
      [
        'Thời gian hẹn trả kết quả ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả: ',
        b(viDateTime(d.originalDueAt ?? d.dueAt)),
        '.',
      ],
      body,
    ),
    para(
      `Tuy nhiên, ${ctx.agency.name} không thể trả kết quả giải quyết hồ sơ của ${you} đúng thời gian đã hẹn.`,
      body,
    ),
    para(`Lý do: ${sentence(ap.reason)}`, body),
    para(
      [
        `Sự chậm trễ này đã gây phiền hà cho ${you}. ${ctx.agency.name} trân trọng xin lỗi ${you} và hẹn lại thời gian trả kết quả giải quyết hồ sơ vào: `,
        b(viDateTime(ap.newDueAt)),
        '.',
      ],
      body,
    ),
    para('Xin trân trọng cảm ơn./.', { ...body, spaceAfter: 12, keepWithNext: true }),
    agencySignOff(ctx, ['Như trên', ctx.receivingUnit.name, 'Lưu: VT'], 'Thủ trưởng cơ quan'),
  ];
}

function form05(ctx: FormContext): Block[] {
  const st = ctx.stop;
  if (!st) throw new FormDataError('05', 'stop');
  const a = ctx.applicant;
  const d = ctx.dossier;
  const you = pronoun(a);
  const body = { align: 'justify', firstLineMm: 10 } as const;
  const bullet = { align: 'left', indentMm: 10 } as const;
  return [
    header(ctx, ctx.documentNumber ?? '        /'),
    title(formInfo('05').title, 10),
    para(['Kính gửi: ', b(applicantLabel(a))], { align: 'center', spaceAfter: 10 }),
    para(
      st.requestedAt
        ? `Ngày ${viShortDate(st.requestedAt)}, ${ctx.agency.name} nhận được đề nghị dừng giải quyết hồ sơ của ${you} như sau:`
        : `${ctx.agency.name} thông báo dừng giải quyết hồ sơ của ${you} như sau:`,
      body,
    ),
    para(['- Mã hồ sơ: ', b(d.code), ';'], bullet),
    para(`- Thủ tục hành chính: ${d.procedureName};`, bullet),
    para(`- Thời gian nhận hồ sơ: ${viDateTime(d.receivedAt)};`, bullet),
    para(`- Thời gian hẹn trả kết quả: ${viDateTime(d.dueAt)}.`, bullet),
    para(`Lý do dừng giải quyết hồ sơ: ${sentence(st.reason)}`, body),
    para(
      `${ctx.agency.name} thông báo dừng giải quyết hồ sơ nêu trên kể từ ngày ${viShortDate(ctx.issuedAt)}.`,
      body,
    ),
    para(`Xin thông báo để ${you} được biết./.`, { ...body, spaceAfter: 12, keepWithNext: true }),
    agencySignOff(ctx, ['Như trên', ctx.receivingUnit.name, 'Lưu: VT'], 'Lãnh đạo cơ quan'),
  ];
}

function form06(ctx: FormContext): Block[] {
  const d = ctx.dossier;
  const entries = ctx.controlSheet ?? [];
  const party = (unit: string, person: string) =>
    cell([
      para(unit, { align: 'left', spaceAfter: 2, size: 12 }),
      para(b(person), { align: 'left', size: 12, spaceAfter: 0 }),
    ]);
  const rows: TableCell[][] = entries.map((e, n) => [
    textCell(String(n + 1), 'center'),
    party(e.fromUnit, e.fromPerson),
    party(e.toUnit, e.toPerson),
    cell([
      para(viTime(e.at), { align: 'center', size: 12, spaceAfter: 0 }),
      para(`ngày ${viShortDate(e.at)}`, { align: 'center', size: 12, spaceAfter: 0 }),
    ]),
    textCell(e.result ? STEP_RESULT[e.result] : '', 'center'),
    textCell(e.note ?? ''),
  ]);
  for (let n = rows.length; n < 3; n++) {
    rows.push([
      textCell(String(n + 1), 'center'),
      textCell(''),
      textCell(''),
      textCell(''),
      textCell(''),
      textCell(''),
    ]);
  }
  const coordinating = d.coordinatingUnits?.length ? d.coordinatingUnits.join('; ') : undefined;
  return [
    header(ctx),
    title(formInfo('06').title),
    para(['Mã hồ sơ: ', b(d.code)], { align: 'center', spaceBefore: 4, spaceAfter: 10 }),
    para(['Hồ sơ của: ', b(applicantLabel(ctx.applicant))], { align: 'left', spaceAfter: FIELD_AFTER }),
    line('Thủ tục hành chính', d.procedureName),
    line('Cơ quan, đơn vị chủ trì giải quyết', d.leadUnit),
    ...(coordinating ? [line('Cơ quan, đơn vị phối hợp giải quyết', coordinating)] : []),
    line('Thời gian nhận hồ sơ', viDateTime(d.receivedAt)),
    line('Thời gian hẹn trả kết quả', viDateTime(d.dueAt), { spaceAfter: 8, keepWithNext: true }),
    {
      kind: 'table',
      widths: [10, 36, 36, 33, 26, 24],
      header: [
        [
          headerCell('TT'),
          headerCell('Bên giao (cơ quan, đơn vị, người giao)'),
          headerCell('Bên nhận (cơ quan, đơn vị, người nhận)'),
          headerCell('Thời gian giao, nhận hồ sơ'),
          headerCell('Kết quả giải quyết (Trước hạn/ Đúng hạn/ Quá hạn)'),
          headerCell('Ghi chú'),
        ],
      ],
      body: rows,
      minRowHeightMm: 16,
    },
  ];
}

function registerRows(ctx: FormContext): RegisterRow[] {
  if (ctx.register) return ctx.register;
  const d = ctx.dossier;
  const a = ctx.applicant;
  return [
    {
      ...(typeof d.registerNumber === 'number' ? { number: d.registerNumber } : {}),
      code: d.code,
      procedureName: d.procedureName,
      applicantName: a.name,
      applicantAddress: a.address,
      applicantPhone: a.phone,
      leadUnit: d.leadUnit,
      receivedAt: d.receivedAt,
      dueAt: d.dueAt,
      returnedAt: d.returnedAt,
      returnMethod: d.returnedAt ? (d.resultDelivery?.method ?? d.channel) : undefined,
    },
  ];
}

function form07(ctx: FormContext): Block[] {
  const size = 10.5;
  const small = (text: string, align: ParagraphBlock['align'] = 'left') => textCell(text, align, size);
  // Codes, dates and times stay on one line (shrunk if need be) so that they read and search whole.
  const oneLine = (text: string, align: ParagraphBlock['align'], pt = size) =>
    para(text, { align, size: pt, spaceAfter: 0, fit: true });
  const when = (at: Date | undefined) =>
    at ? cell([oneLine(viShortDate(at), 'center'), oneLine(viClock(at), 'center', 10)]) : small('', 'center');
  const rows = registerRows(ctx).map((r, n) => [
    small(String(r.number ?? n + 1), 'center'),
    cell(oneLine(r.code, 'left')),
    small(r.procedureName),
    small(r.applicantName),
    small([r.applicantAddress, r.applicantPhone].filter(Boolean).join('; ')),
    small(r.leadUnit ?? ''),
    when(r.receivedAt),
    when(r.dueAt),
    when(r.returnedAt),
    small(r.returnMethod ? RETURN_METHOD[r.returnMethod] : '', 'center'),
    small(''),
    small(r.note ?? ''),
  ]);
  const hc = (text: string, span: { colSpan?: number; rowSpan?: number } = {}) =>
    cell(para(b(text), { align: 'center', size, spaceAfter: 0 }), span);
  const book = ctx.dossier.registerBook;
  const period = ctx.registerPeriod;
  const subtitle = [
    ...(book ? [`Quyển số: ${book}`] : []),
    ...(period ? [`Từ ngày ${viShortDate(period.from)} đến ngày ${viShortDate(period.to)}`] : []),
  ];
  return [
    header(ctx, undefined, true),
    title(formInfo('07').title, subtitle.length ? 0 : 10),
    ...(subtitle.length
      ? [para(subtitle.join('; '), { align: 'center', spaceBefore: 2, spaceAfter: 10 })]
      : []),
    {
      kind: 'table',
      widths: [11, 40, 30, 24, 26, 21, 20, 20, 20, 15, 13, 12],
      header: [
        [
          hc('STT', { rowSpan: 2 }),
          hc('Mã hồ sơ', { rowSpan: 2 }),
          hc('Tên thủ tục hành chính', { rowSpan: 2 }),
          hc('Tên cá nhân, tổ chức', { rowSpan: 2 }),
          hc('Địa chỉ, số điện thoại', { rowSpan: 2 }),
          hc('Cơ quan chủ trì giải quyết', { rowSpan: 2 }),
          hc('Ngày, tháng, năm', { colSpan: 3 }),
          hc('Hình thức trả kết quả', { rowSpan: 2 }),
          hc('Ký nhận', { rowSpan: 2 }),
          hc('Ghi chú', { rowSpan: 2 }),
        ],
        [hc('Nhận hồ sơ'), hc('Hẹn trả kết quả'), hc('Trả kết quả')],
      ],
      body: rows,
    },
    ...checkpointBlocks(ctx.auditCheckpoints),
  ];
}

/** The printable description of form `form` for `ctx`. Throws `FormDataError` when its section is missing. */
export async function buildForm(form: FormCode, context: FormContext): Promise<DocumentSpec> {
  const info = formInfo(form);
  const ctx = normalised(context);
  const builders: Record<FormCode, (c: FormContext) => Block[] | Promise<Block[]>> = {
    '01': form01,
    '02': form02,
    '03': form03,
    '04': form04,
    '05': form05,
    '06': form06,
    '07': form07,
  };
  // The form's number and legal basis, as Appendix I heads each form.
  const basis = para(i(`Mẫu số ${form} (ban hành kèm theo ${FORMS_BASIS})`), {
    align: 'right',
    size: 10,
    spaceAfter: 4,
  });
  const blocks = [basis, ...(await builders[form](ctx))];
  return {
    title: `${info.title} - ${ctx.dossier.code}`,
    author: ctx.agency.name,
    orientation: info.orientation,
    margins: DECREE_30_MARGINS,
    bodySize: BODY,
    blocks,
  };
}
