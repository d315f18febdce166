/**
 * The view model of the one-stop standard forms (Circular 03/2025/TT-VPCP, Appendix I; earlier
 * Circular 01/2018/TT-VPCP). The dossier engine fills a `FormContext`; the renderers turn it into
 * a DOCX or a PDF with the same content. Nothing here reads the database.
 *
 * Conventions:
 * - Instants are `Date`s; every date and time is printed in Vietnam time (Asia/Ho_Chi_Minh, UTC+7).
 * - Names are written as usual ("Sở Nội vụ"); the header prints agency names in capitals itself.
 * - Text may be NFC or NFD Unicode; it is normalised to NFC before rendering.
 * - An optional field that is missing is printed as a dotted blank to fill by hand, or left out
 *   where the form says "if any" (nếu có).
 */

/** The circular whose Appendix I sets the forms, printed on each form as its legal basis. */
export const FORMS_BASIS = 'Thông tư số 03/2025/TT-VPCP ngày 15 tháng 9 năm 2025 của Văn phòng Chính phủ';

/** Form numbers of Appendix I of Circular 03/2025/TT-VPCP. */
export const FORM_CODES = ['01', '02', '03', '04', '05', '06', '07'] as const;
export type FormCode = (typeof FORM_CODES)[number];

export interface FormInfo {
  code: FormCode;
  /** The form's name as in the circular, in sentence case ("Giấy tiếp nhận hồ sơ và hẹn trả kết quả"). */
  title: string;
  /** Short English description, for logs and the API documentation. */
  description: string;
  orientation: 'portrait' | 'landscape';
}

/** The standard forms, in order, with their Vietnamese titles. */
export const FORMS: readonly FormInfo[] = [
  {
    code: '01',
    title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
    description: 'Receipt and appointment',
    orientation: 'portrait',
  },
  {
    code: '02',
    title: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
    description: 'Supplement request',
    orientation: 'portrait',
  },
  {
    code: '03',
    title: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
    description: 'Refusal to receive the dossier',
    orientation: 'portrait',
  },
  {
    code: '04',
    title: 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết',
    description: 'Apology and new appointment date',
    orientation: 'portrait',
  },
  {
    code: '05',
    title: 'Thông báo dừng giải quyết hồ sơ',
    description: 'Notice that processing has stopped',
    orientation: 'portrait',
  },
  {
    code: '06',
    title: 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
    description: 'Control sheet of the hand-overs',
    orientation: 'portrait',
  },
  {
    code: '07',
    title: 'Sổ theo dõi hồ sơ',
    description: 'Dossier register',
    orientation: 'landscape',
  },
];

export function formInfo(code: FormCode): FormInfo {
  const info = FORMS.find((f) => f.code === code);
  if (!info) throw new RangeError(`unknown form ${String(code)}`);
  return info;
}

export function isFormCode(value: unknown): value is FormCode {
  return typeof value === 'string' && (FORM_CODES as readonly string[]).includes(value);
}

/** Channel the dossier came in by (kênh): counter (trực tiếp), online (trực tuyến), post (bưu chính công ích). */
export type Channel = 'counter' | 'online' | 'post';

/** How the result is delivered to the applicant. */
export interface ResultDelivery {
  /** counter: collected at a counter; post: by public postal service (BCCI); online: electronic result. */
  method: Channel;
  /**
   * Where: the counter's address, the postal address, or the e-mail / account that receives the
   * electronic result. Defaults to the receiving unit for `counter`.
   */
  address?: string;
}

/** One agency or unit as printed in the header block (top left) of a form. */
export interface AgencyBlock {
  /**
   * The managing agency (cơ quan chủ quản), printed in capitals on the first line, e.g.
   * 'UBND Thành phố Hồ Chí Minh'. Omit when the issuing agency has none on its documents.
   */
  parentName?: string;
  /**
   * The agency that issues the form, printed in bold capitals under the parent, e.g.
   * 'Sở Nội vụ' or 'Trung tâm Phục vụ hành chính công'. The body of forms 04 and 05 names it as
   * written here.
   */
  name: string;
  /** Place name of the place-and-date line (địa danh), e.g. 'Thành phố Hồ Chí Minh'. */
  place: string;
}

/** Whoever signs for the agency (forms 04 and 05), as in a Decree 30/2020 signature block. */
export interface Signer {
  /**
   * Full name, printed in bold under the signature space, e.g. 'Nguyễn Văn Minh'. Omitted when the
   * organisation data does not say who holds the office: the block is then left to sign by hand.
   */
  name?: string;
  /** Position of the person signing, e.g. 'Giám đốc' or 'Phó Giám đốc' (printed in capitals). */
  title: string;
  /**
   * Signing authority line printed above the title, e.g. 'KT. Giám đốc' when a deputy signs for
   * the director, or 'TM. Ủy ban nhân dân'. Omit when the head signs in their own right.
   */
  authority?: string;
}

/** A person of the one-stop unit. */
export interface Officer {
  /** Full name, printed under the signature. */
  name: string;
}

export interface Applicant {
  /** Full name of the person, or the organisation's name. */
  name: string;
  /** 'person' (default) or 'organisation' (tổ chức, doanh nghiệp); decides how the applicant is addressed. */
  kind?: 'person' | 'organisation';
  /** Form of address for a person: 'Ông' or 'Bà'. When omitted a person is addressed 'Ông/Bà'. */
  salutation?: 'Ông' | 'Bà';
  /**
   * A person's personal identification number (số định danh cá nhân, 12 digits; an old 9-digit
   * ID card number is printed as such), or an organisation's enterprise / tax code.
   */
  idNumber?: string;
  /** The person who represents an organisation (người đại diện), with their own ID number. */
  representative?: { name: string; idNumber?: string };
  /** Postal address. */
  address?: string;
  phone?: string;
  email?: string;
  /** Who submitted on the applicant's behalf (người được ủy quyền, người nộp thay), if anyone. */
  proxy?: Proxy;
}

export interface Proxy {
  name: string;
  idNumber?: string;
  phone?: string;
  address?: string;
  /** How they act for the applicant, e.g. 'Người được ủy quyền theo Giấy ủy quyền số 12/2026'. */
  capacity?: string;
}

/** Form in which a document of the dossier was submitted. */
export type DocumentForm = 'original' | 'certified_copy' | 'copy' | 'electronic';

/** One document of the dossier (thành phần hồ sơ) as received. */
export interface ReceivedDocument {
  /** Name of the document, e.g. 'Tờ khai đề nghị hưởng trợ cấp thất nghiệp (Mẫu số 03)'. */
  name: string;
  /** Number of copies received (số lượng). */
  copies: number;
  /** Original (bản chính), certified copy (bản sao có chứng thực), plain copy (bản sao), electronic (bản điện tử). */
  form: DocumentForm;
}

/** Processing time set by the procedure (thời hạn giải quyết theo quy định). */
export interface ProcessingTime {
  amount: number;
  unit: 'working_days' | 'days' | 'working_hours';
}

export interface DossierInfo {
  /** Dossier code (mã hồ sơ), `<unit code>-YYMMDD-XXXX`, e.g. '000.00.12.H57-260305-0001'. */
  code: string;
  /** Name of the administrative procedure (the request to be decided). */
  procedureName: string;
  /** National or local procedure code, e.g. '1.001653', if any. */
  procedureCode?: string;
  /** Field of the procedure (lĩnh vực), e.g. 'Việc làm'. */
  fieldName: string;
  /** Processing time set by the procedure, printed on the receipt. */
  processingTime?: ProcessingTime;
  /** Number of sets of the dossier received (số lượng hồ sơ, bộ); 1 by default. */
  sets?: number;
  /** When the dossier was received (complete and valid). */
  receivedAt: Date;
  /** The current appointment to return the result (after any extension). */
  dueAt: Date;
  /** The appointment first written on the receipt, when an extension (form 04) has since moved `dueAt`. */
  originalDueAt?: Date;
  /** When the result was returned to the applicant, once it was. */
  returnedAt?: Date;
  /** How the dossier came in. */
  channel: Channel;
  /** Where and how the applicant registered to receive the result. */
  resultDelivery?: ResultDelivery;
  /** Register book (sổ theo dõi hồ sơ) the dossier is entered in: the book's number (quyển số). */
  registerBook?: string;
  /** Entry number (số thứ tự) in that register book. */
  registerNumber?: string | number;
  /** Unit that leads the processing (cơ quan, đơn vị chủ trì giải quyết), for forms 06 and 07. */
  leadUnit?: string;
  /** Units that co-operate in the processing (cơ quan phối hợp), for form 06. */
  coordinatingUnits?: string[];
}

/** Form 02: what the applicant must add or fix. */
export interface SupplementRequest {
  /** Everything missing or to be corrected, all in one request (numbered on the form). */
  items: { name: string; reason: string }[];
  /** The officer who explains the request and answers questions (người hướng dẫn). */
  officer: string;
  officerPhone: string;
  /** Time limit for the supplement, after which the dossier is closed, if it is to be printed. */
  dueBy?: Date;
}

/** Form 03: why the dossier is not received. */
export interface Refusal {
  /** Each reason, citing the rule it rests on where possible. */
  reasons: string[];
}

/** Form 04: apology for a delay and the new appointment. */
export interface Apology {
  /** Why the result will be late. */
  reason: string;
  /** The new appointment to return the result. */
  newDueAt: Date;
}

/** Form 05: the processing is stopped. */
export interface StopNotice {
  /** Why it stops, usually the applicant's request to withdraw ("theo đề nghị của ..."). */
  reason: string;
  /** When the applicant asked to stop, if the stop is on their request. */
  requestedAt?: Date;
}

/** Whether a step ended before, on or after its own step deadline. */
export type StepResult = 'early' | 'on_time' | 'late';

/** Form 06: one hand-over of the dossier between people or units. */
export interface ControlSheetEntry {
  /** Unit handing the dossier over (bên giao). */
  fromUnit: string;
  /** Person handing it over. */
  fromPerson: string;
  /** Unit receiving it (bên nhận). */
  toUnit: string;
  /** Person receiving it. */
  toPerson: string;
  /** When the hand-over happened. */
  at: Date;
  /** How the giving step ended against its step deadline; null while not yet known. */
  result: StepResult | null;
  /** Free note (ghi chú), e.g. 'Chuyển bổ sung hồ sơ'. */
  note?: string;
}

/** Form 07: one line of the dossier register. */
export interface RegisterRow {
  /** Entry number in the register book (số thứ tự), as on the receipt; the row's position when omitted. */
  number?: number;
  code: string;
  procedureName: string;
  applicantName: string;
  applicantAddress?: string;
  applicantPhone?: string;
  /** Unit that leads the processing. */
  leadUnit?: string;
  receivedAt: Date;
  dueAt: Date;
  returnedAt?: Date;
  /** How the result was returned. */
  returnMethod?: Channel;
  note?: string;
}

/** A signed head of an agency's audit chain, as printed on form 07. */
export interface AuditCheckpointLine {
  agencyName: string;
  chainSeq: number;
  headHash: string;
  signedAt: Date;
  /** sha256 of the signing public key, hex. */
  keyFingerprint: string;
  /** Ed25519 signature, base64. */
  signature: string;
}

/** A fee the applicant is to pay by transfer, as printed on form 01. */
export interface FeeDue {
  /** The VietQR (NAPAS EMVCo) payload. */
  payload: string;
  amountVnd: number;
  bankName: string | null;
  accountNumber: string;
  accountName: string;
  /** The dossier code, to write as the transfer's description. */
  reference: string;
}

/** Everything a form may print. Each form reads the common parts and its own section. */
export interface FormContext {
  /** The agency issuing the form: header block top left, place of the date line, body of 04 and 05. */
  agency: AgencyBlock;
  /** The one-stop unit that received the dossier (Bộ phận Một cửa / Trung tâm Phục vụ hành chính công). */
  receivingUnit: {
    /** As written in the body, e.g. 'Bộ phận Một cửa Sở Nội vụ'. */
    name: string;
    /** Its address, printed as where to collect the result when not otherwise given. */
    address?: string;
  };
  dossier: DossierInfo;
  applicant: Applicant;
  /** Documents received, listed on form 01 (a dotted blank row when empty). */
  documents?: ReceivedDocument[];
  /** The one-stop officer who received the dossier and signs forms 01 and 03. */
  officer?: Officer;
  /** Head of the agency (or deputy) signing forms 04 and 05; a blank signature block when omitted. */
  signer?: Signer;
  /** Number and symbol of the document (số, ký hiệu) for forms 04 and 05, e.g. '15/TB-SNV'. */
  documentNumber?: string;
  /** Required for form 02. */
  supplement?: SupplementRequest;
  /** Required for form 03. */
  refusal?: Refusal;
  /** Required for form 04. */
  apology?: Apology;
  /** Required for form 05. */
  stop?: StopNotice;
  /**
   * Form 06: the hand-overs so far, oldest first. Blank rows to fill by hand are added when there
   * are fewer than three (the sheet travels with the paper dossier).
   */
  controlSheet?: ControlSheetEntry[];
  /** Form 07: the register's rows. When omitted the register shows the current dossier alone. */
  register?: RegisterRow[];
  /** Form 07: the latest signed audit checkpoint of each agency in the register, printed under it. */
  auditCheckpoints?: AuditCheckpointLine[];
  /** Form 07: the period the register's rows were received in (Vietnam dates, inclusive). */
  registerPeriod?: { from: Date; to: Date };
  /** Public address to look the dossier up, encoded in the QR code of form 01. */
  lookupUrl: string;
  /** A fee due at reception: form 01 prints its VietQR code with the account, amount and reference. */
  feeDue?: FeeDue;
  /** When the form is issued: the date of the place-and-date line. */
  issuedAt: Date;
}

/** A form cannot be rendered because the context lacks the section it needs. */
export class FormDataError extends Error {
  constructor(
    readonly form: FormCode,
    readonly missing: string,
  ) {
    super(`form ${form} needs ${missing}`);
    this.name = 'FormDataError';
  }
}
