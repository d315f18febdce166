import { z } from 'zod';

/**
 * Notification templates (mẫu thông báo): what each outbox kind says to its recipient, in
 * Vietnamese and English. The defaults below ship with Motcua; an administrator's edit is stored
 * and used instead. Placeholders are `{{name}}`; each kind allows only the values it has, so a
 * typo is refused when the template is saved rather than sent to citizens as literal braces.
 */

export const NOTIFICATION_LOCALES = ['vi', 'en'] as const;
export type NotificationLocale = (typeof NOTIFICATION_LOCALES)[number];

/** The ways a message can reach someone; email is the one built (SMS and Zalo plug in as channels). */
export const NOTIFICATION_CHANNELS = ['email', 'sms', 'zalo'] as const;
export type NotificationChannelKind = (typeof NOTIFICATION_CHANNELS)[number];

const DOSSIER = ['recipient', 'code', 'procedure'] as const;

/** Each kind the outbox carries that has a template, and the placeholders it may use. */
export const NOTIFICATION_KINDS = {
  // The applicant (người nộp hồ sơ)
  'dossier.applicant.submit_online': [...DOSSIER],
  'dossier.applicant.receive': [...DOSSIER, 'dueAt'],
  'dossier.applicant.refuse': [...DOSSIER],
  'dossier.applicant.request_supplement': [...DOSSIER, 'items'],
  'dossier.applicant.approve': [...DOSSIER],
  'dossier.applicant.stop': [...DOSSIER],
  'dossier.applicant.extend': [...DOSSIER, 'dueAt'],
  'dossier.applicant.accept_withdrawal': [...DOSSIER],
  'dossier.applicant.survey': [...DOSSIER, 'surveyUrl'],
  // Officers (cán bộ, công chức)
  'dossier.assigned': [...DOSSIER, 'dueAt'],
  'dossier.at_risk': [...DOSSIER, 'dueAt'],
  'dossier.overdue': [...DOSSIER, 'dueAt'],
  // Feedback (phản ánh, kiến nghị): the sender, then the officer given the case
  'feedback.received': ['recipient', 'reference', 'dueAt'],
  'feedback.answered': ['recipient', 'reference', 'rateUrl'],
  'feedback.closed': ['recipient', 'reference'],
  'feedback.rejected': ['recipient', 'reference', 'reason'],
  'feedback.assigned': ['recipient', 'reference', 'dueAt'],
  // The head of the receiving unit, on a "not satisfied" rating of a returned dossier
  'rating.follow_up': [...DOSSIER, 'reasons'],
  // A citizen signing in without VNeID: the one-time code, to the address typed in
  'citizen.signin_code': ['code', 'minutes'],
} as const satisfies Record<string, readonly string[]>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

export function isNotificationKind(kind: string): kind is NotificationKind {
  return Object.hasOwn(NOTIFICATION_KINDS, kind);
}

export interface NotificationText {
  subject: string;
  body: string;
}

const SIGN_VI = '\n\nBộ phận Một cửa';
const SIGN_EN = '\n\nOne-stop desk';

export const DEFAULT_TEMPLATES: Record<NotificationKind, Record<NotificationLocale, NotificationText>> = {
  'dossier.applicant.submit_online': {
    vi: {
      subject: 'Đã nhận hồ sơ {{code}} nộp trực tuyến',
      body: `Kính gửi {{recipient}},\n\nChúng tôi đã nhận hồ sơ {{code}} ({{procedure}}) bạn nộp trực tuyến. Bộ phận Một cửa kiểm tra và tiếp nhận hoặc trả lại hồ sơ trong 8 giờ làm việc; bạn sẽ nhận được thư báo kết quả kiểm tra. Dùng mã hồ sơ để tra cứu tình trạng hồ sơ.${SIGN_VI}`,
    },
    en: {
      subject: 'We have your online application {{code}}',
      body: `Dear {{recipient}},\n\nWe have received the dossier {{code}} ({{procedure}}) you submitted online. The one-stop desk checks it and accepts or returns it within 8 working hours; you will be emailed the outcome. Use the dossier code to follow it.${SIGN_EN}`,
    },
  },
  'dossier.applicant.receive': {
    vi: {
      subject: 'Hồ sơ {{code}} đã được tiếp nhận',
      body: `Kính gửi {{recipient}},\n\nHồ sơ {{code}} ({{procedure}}) nộp trực tuyến đã được tiếp nhận. Ngày hẹn trả kết quả: {{dueAt}}.${SIGN_VI}`,
    },
    en: {
      subject: 'Dossier {{code}} has been accepted',
      body: `Dear {{recipient}},\n\nYour online dossier {{code}} ({{procedure}}) has been accepted. The result is due on {{dueAt}}.${SIGN_EN}`,
    },
  },
  'dossier.applicant.refuse': {
    vi: {
      subject: 'Hồ sơ {{code}} không được tiếp nhận',
      body: `Kính gửi {{recipient}},\n\nHồ sơ {{code}} ({{procedure}}) không được tiếp nhận. Lý do được ghi trong phiếu từ chối, xem tại trang hồ sơ của bạn.${SIGN_VI}`,
    },
    en: {
      subject: 'Dossier {{code}} was not accepted',
      body: `Dear {{recipient}},\n\nYour dossier {{code}} ({{procedure}}) was not accepted. The reason is on the refusal notice on your dossier's page.${SIGN_EN}`,
    },
  },
  'dossier.applicant.request_supplement': {
    vi: {
      subject: 'Hồ sơ {{code}} cần bổ sung',
      body: `Kính gửi {{recipient}},\n\nHồ sơ {{code}} ({{procedure}}) cần được bổ sung, hoàn thiện. Những giấy tờ cần bổ sung:\n{{items}}\n\nVui lòng xem phiếu yêu cầu bổ sung và nộp đúng những giấy tờ được yêu cầu.${SIGN_VI}`,
    },
    en: {
      subject: 'Dossier {{code}} needs more documents',
      body: `Dear {{recipient}},\n\nYour dossier {{code}} ({{procedure}}) needs to be supplemented. What is asked for:\n{{items}}\n\nPlease read the supplement request and provide exactly what it asks for.${SIGN_EN}`,
    },
  },
  'dossier.applicant.approve': {
    vi: {
      subject: 'Hồ sơ {{code}} đã có kết quả',
      body: `Kính gửi {{recipient}},\n\nHồ sơ {{code}} ({{procedure}}) đã có kết quả. Mời bạn nhận kết quả tại Bộ phận Một cửa hoặc tải về nếu là kết quả điện tử.${SIGN_VI}`,
    },
    en: {
      subject: 'The result of dossier {{code}} is ready',
      body: `Dear {{recipient}},\n\nThe result of your dossier {{code}} ({{procedure}}) is ready. Collect it at the one-stop desk, or download it if it is electronic.${SIGN_EN}`,
    },
  },
  'dossier.applicant.stop': {
    vi: {
      subject: 'Hồ sơ {{code}} đã dừng xử lý',
      body: `Kính gửi {{recipient}},\n\nViệc giải quyết hồ sơ {{code}} ({{procedure}}) đã dừng. Lý do được ghi trên trang hồ sơ của bạn.${SIGN_VI}`,
    },
    en: {
      subject: 'Work on dossier {{code}} has stopped',
      body: `Dear {{recipient}},\n\nWork on your dossier {{code}} ({{procedure}}) has stopped. The reason is on your dossier's page.${SIGN_EN}`,
    },
  },
  'dossier.applicant.extend': {
    vi: {
      subject: 'Hồ sơ {{code}}: hẹn lại ngày trả kết quả',
      body: `Kính gửi {{recipient}},\n\nHồ sơ {{code}} ({{procedure}}) chưa thể giải quyết đúng hạn. Chúng tôi thành thật xin lỗi về sự chậm trễ này. Ngày hẹn trả kết quả mới: {{dueAt}}.${SIGN_VI}`,
    },
    en: {
      subject: 'Dossier {{code}}: a new date for the result',
      body: `Dear {{recipient}},\n\nYour dossier {{code}} ({{procedure}}) could not be settled on time. We sincerely apologise for the delay. The new date for the result is {{dueAt}}.${SIGN_EN}`,
    },
  },
  'dossier.applicant.accept_withdrawal': {
    vi: {
      subject: 'Hồ sơ {{code}} đã được rút',
      body: `Kính gửi {{recipient}},\n\nYêu cầu rút hồ sơ {{code}} ({{procedure}}) của bạn đã được chấp nhận.${SIGN_VI}`,
    },
    en: {
      subject: 'Dossier {{code}} has been withdrawn',
      body: `Dear {{recipient}},\n\nYour request to withdraw dossier {{code}} ({{procedure}}) has been accepted.${SIGN_EN}`,
    },
  },
  'dossier.applicant.survey': {
    vi: {
      subject: 'Đánh giá sự hài lòng về hồ sơ {{code}}',
      body: `Kính gửi {{recipient}},\n\nMời bạn đánh giá sự hài lòng về việc giải quyết hồ sơ {{code}} ({{procedure}}): {{surveyUrl}}${SIGN_VI}`,
    },
    en: {
      subject: 'How satisfied are you with dossier {{code}}?',
      body: `Dear {{recipient}},\n\nPlease tell us how satisfied you are with the handling of dossier {{code}} ({{procedure}}): {{surveyUrl}}${SIGN_EN}`,
    },
  },
  'dossier.assigned': {
    vi: {
      subject: 'Hồ sơ {{code}} được giao cho bạn',
      body: `{{recipient}} thân mến,\n\nHồ sơ {{code}} ({{procedure}}) vừa được giao cho bạn. Hạn giải quyết: {{dueAt}}.`,
    },
    en: {
      subject: 'Dossier {{code}} is assigned to you',
      body: `Dear {{recipient}},\n\nDossier {{code}} ({{procedure}}) has been assigned to you. It is due on {{dueAt}}.`,
    },
  },
  'dossier.at_risk': {
    vi: {
      subject: 'Hồ sơ {{code}} sắp đến hạn',
      body: `{{recipient}} thân mến,\n\nHồ sơ {{code}} ({{procedure}}) sắp đến hạn giải quyết ({{dueAt}}).`,
    },
    en: {
      subject: 'Dossier {{code}} is nearly due',
      body: `Dear {{recipient}},\n\nDossier {{code}} ({{procedure}}) is nearly due ({{dueAt}}).`,
    },
  },
  'dossier.overdue': {
    vi: {
      subject: 'Hồ sơ {{code}} đã quá hạn',
      body: `{{recipient}} thân mến,\n\nHồ sơ {{code}} ({{procedure}}) đã quá hạn giải quyết ({{dueAt}}).`,
    },
    en: {
      subject: 'Dossier {{code}} is overdue',
      body: `Dear {{recipient}},\n\nDossier {{code}} ({{procedure}}) is overdue (it was due on {{dueAt}}).`,
    },
  },
  'feedback.received': {
    vi: {
      subject: 'Đã nhận phản ánh, kiến nghị {{reference}}',
      body: `Kính gửi {{recipient}},\n\nCơ quan đã nhận phản ánh, kiến nghị của Ông/Bà, số {{reference}}. Hạn trả lời: {{dueAt}} (15 ngày làm việc). Khi liên hệ, xin nêu số {{reference}}.${SIGN_VI}`,
    },
    en: {
      subject: 'Feedback {{reference}} received',
      body: `Dear {{recipient}},\n\nWe have received your feedback, reference {{reference}}. We will answer by {{dueAt}} (15 working days). Please quote {{reference}} when you contact us.${SIGN_EN}`,
    },
  },
  'feedback.answered': {
    vi: {
      subject: 'Phản ánh, kiến nghị {{reference}} đã được trả lời',
      body: `Kính gửi {{recipient}},\n\nPhản ánh, kiến nghị số {{reference}} đã có câu trả lời. Xin Ông/Bà xem câu trả lời và cho biết mức độ hài lòng (chỉ đánh giá một lần) tại: {{rateUrl}}${SIGN_VI}`,
    },
    en: {
      subject: 'Feedback {{reference}} has been answered',
      body: `Dear {{recipient}},\n\nYour feedback {{reference}} has been answered. Please read the answer and tell us how satisfied you are (once) at: {{rateUrl}}${SIGN_EN}`,
    },
  },
  'feedback.closed': {
    vi: {
      subject: 'Phản ánh, kiến nghị {{reference}} đã kết thúc',
      body: `Kính gửi {{recipient}},\n\nCơ quan đã kết thúc xử lý phản ánh, kiến nghị số {{reference}}. Cảm ơn Ông/Bà đã đóng góp ý kiến.${SIGN_VI}`,
    },
    en: {
      subject: 'Feedback {{reference}} is closed',
      body: `Dear {{recipient}},\n\nWe have closed your feedback {{reference}}. Thank you for telling us.${SIGN_EN}`,
    },
  },
  'feedback.rejected': {
    vi: {
      subject: 'Phản ánh, kiến nghị {{reference}} không thuộc phạm vi xử lý',
      body: `Kính gửi {{recipient}},\n\nPhản ánh, kiến nghị số {{reference}} không thuộc phạm vi xử lý của cơ quan. Lý do: {{reason}}.${SIGN_VI}`,
    },
    en: {
      subject: 'Feedback {{reference}} is outside our remit',
      body: `Dear {{recipient}},\n\nYour feedback {{reference}} is outside our remit. Reason: {{reason}}.${SIGN_EN}`,
    },
  },
  'feedback.assigned': {
    vi: {
      subject: 'Được giao xử lý phản ánh, kiến nghị {{reference}}',
      body: `Kính gửi {{recipient}},\n\nĐồng chí được giao xử lý phản ánh, kiến nghị số {{reference}}. Hạn trả lời: {{dueAt}}.${SIGN_VI}`,
    },
    en: {
      subject: 'Feedback {{reference}} assigned to you',
      body: `Dear {{recipient}},\n\nYou have been given feedback {{reference}} to answer. It is due on {{dueAt}}.${SIGN_EN}`,
    },
  },
  'rating.follow_up': {
    vi: {
      subject: 'Đánh giá "Không hài lòng" với hồ sơ {{code}}',
      body: `Kính gửi {{recipient}},\n\nNgười dân đánh giá "Không hài lòng" với hồ sơ {{code}} ({{procedure}}). Lý do: {{reasons}}. Xin đồng chí xem xét, làm việc với người dân và ghi kết quả tại mục Phản ánh > Đánh giá.${SIGN_VI}`,
    },
    en: {
      subject: '"Not satisfied" rating of dossier {{code}}',
      body: `Dear {{recipient}},\n\nThe applicant rated dossier {{code}} ({{procedure}}) "not satisfied". Reasons: {{reasons}}. Please follow it up and record the outcome under Feedback > Ratings.${SIGN_EN}`,
    },
  },
  'citizen.signin_code': {
    vi: {
      subject: 'Mã đăng nhập Cổng dịch vụ công: {{code}}',
      body: `Mã xác nhận để đăng nhập của bạn là {{code}}. Mã có hiệu lực trong {{minutes}} phút và chỉ dùng được một lần.\n\nNếu bạn không yêu cầu mã này, hãy bỏ qua thư này; không ai đăng nhập được nếu không có mã.${SIGN_VI}`,
    },
    en: {
      subject: 'Your sign-in code: {{code}}',
      body: `Your sign-in code is {{code}}. It is valid for {{minutes}} minutes and can be used once.\n\nIf you did not ask for it, ignore this email: no one can sign in without the code.${SIGN_EN}`,
    },
  },
};

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** Placeholders in `text` that `kind` does not provide (in order of first use). */
export function unknownPlaceholders(kind: NotificationKind, text: string): string[] {
  const allowed = new Set<string>(NOTIFICATION_KINDS[kind]);
  const unknown: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1]!;
    if (!allowed.has(name) && !unknown.includes(name)) unknown.push(name);
  }
  return unknown;
}

/** The placeholders `text` uses, each once, in order of first use. */
export function usedPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/**
 * What an administrator's edit lacks that the shipped default (of a later version, say) uses: the
 * placeholders of the default's subject and body that appear in neither of the edited texts, in the
 * default's order. Empty for a template that is the default.
 */
export function placeholdersMissingFromEdit(
  kind: NotificationKind,
  locale: NotificationLocale,
  edited: NotificationText,
): string[] {
  const fallback = DEFAULT_TEMPLATES[kind][locale];
  const has = new Set(usedPlaceholders(`${edited.subject}\n${edited.body}`));
  return usedPlaceholders(`${fallback.subject}\n${fallback.body}`).filter((p) => !has.has(p));
}

/** Fills the placeholders; one without a value (e.g. no due date yet) becomes "—". */
export function renderTemplate(text: string, values: Record<string, string | null | undefined>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => values[name] ?? '—');
}

/** An instant as people in Vietnam read a date: dd/mm/yyyy in Vietnam time (UTC+7). */
export function vietnamDayText(instant: Date | string): string {
  const iso = new Date(new Date(instant).getTime() + 7 * 3_600_000).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

export const notificationTemplateBody = z.strictObject({
  subject: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(5000),
});

/** A template as the administrator sees it: the text in force, and whether it is the default. */
export const notificationTemplateResponse = z.strictObject({
  kind: z.string(),
  locale: z.enum(NOTIFICATION_LOCALES),
  subject: z.string(),
  body: z.string(),
  placeholders: z.array(z.string()),
  customised: z.boolean(),
  updatedAt: z.string().nullable(),
  /**
   * An edited template: the placeholders the current default uses that the edit lacks (the default
   * gained `{{items}}` after the edit, say), for the editor to warn and offer the default back.
   */
  missingFromDefault: z.array(z.string()),
});
export type NotificationTemplateView = z.infer<typeof notificationTemplateResponse>;

export const notificationTemplateListResponse = z.strictObject({
  items: z.array(notificationTemplateResponse),
});

/** What a signed-in person chose: the language and channels they are told on (email by default). */
export const notificationPreferencesBody = z.strictObject({
  locale: z.enum(NOTIFICATION_LOCALES),
  channels: z.array(z.enum(NOTIFICATION_CHANNELS)).min(1).max(3),
});
export const notificationPreferencesResponse = notificationPreferencesBody;
export type NotificationPreferences = z.infer<typeof notificationPreferencesResponse>;
