import type {
  DossierAction,
  DossierSnapshot,
  DossierState,
  Locale,
  Outcome,
  ReturnChannel,
  Role,
} from '@motcua/core';

/**
 * The public lookup in the words a citizen uses: what happened at each step, where the dossier
 * stands now and what to do next. No officer is named; units are, as the citizen may call them.
 */

/** What the lookup knows of one recorded event. */
export interface PublicEvent {
  action: DossierAction;
  toState: DossierState;
  /** The internal step the event started, if any. */
  stepIndex: number | null;
  /** The unit that holds the dossier after the event. */
  unitName: string | null;
  outcome: Outcome | null;
  channel: ReturnChannel | null;
}

type Words = (unit: string) => string;

/** What a step is, by the role that does it: "thẩm định" for a specialist. */
const STEP_MOVED: Partial<Record<Role, Record<Locale, Words>>> = {
  counter_officer: {
    vi: () => 'Hồ sơ được chuyển về Bộ phận Một cửa để vào sổ và trả kết quả.',
    en: () => 'The dossier went back to the one-stop counter to be registered and returned.',
  },
  specialist: {
    vi: (u) => `Hồ sơ được chuyển đến ${u} để thẩm định.`,
    en: (u) => `The dossier was sent to ${u} to be examined.`,
  },
  head_of_unit: {
    vi: (u) => `Hồ sơ được trình lãnh đạo ${u} xem xét.`,
    en: (u) => `The dossier went to the head of ${u} for review.`,
  },
  leader: {
    vi: () => 'Hồ sơ được trình lãnh đạo cơ quan phê duyệt.',
    en: () => 'The dossier went to the agency leader for approval.',
  },
};

const STEP_NOW: Partial<Record<Role, Record<Locale, Words>>> = {
  counter_officer: {
    vi: () => 'Hồ sơ đang ở Bộ phận Một cửa.',
    en: () => 'The dossier is at the one-stop counter.',
  },
  specialist: {
    vi: (u) => `Hồ sơ đang được thẩm định tại ${u}.`,
    en: (u) => `The dossier is being examined at ${u}.`,
  },
  head_of_unit: {
    vi: (u) => `Hồ sơ đang được lãnh đạo ${u} xem xét.`,
    en: (u) => `The dossier is being reviewed by the head of ${u}.`,
  },
  leader: {
    vi: () => 'Hồ sơ đang chờ lãnh đạo cơ quan phê duyệt.',
    en: () => 'The dossier is awaiting the agency leader’s approval.',
  },
};

const RETURNED_BY: Record<ReturnChannel, Record<Locale, string>> = {
  counter: { vi: 'Kết quả được trả tại Bộ phận Một cửa.', en: 'The result was handed over at the counter.' },
  post: { vi: 'Kết quả được gửi qua bưu chính.', en: 'The result was sent by post.' },
  online: { vi: 'Kết quả được trả trực tuyến.', en: 'The result was delivered online.' },
};

const ACTION_WORDS: Record<DossierAction, Record<Locale, string>> = {
  submit_online: { vi: 'Hồ sơ được nộp trực tuyến.', en: 'The dossier was submitted online.' },
  receive: {
    vi: 'Bộ phận Một cửa tiếp nhận hồ sơ và hẹn ngày trả kết quả.',
    en: 'The one-stop counter received the dossier and set the date of the result.',
  },
  refuse: {
    vi: 'Hồ sơ không được tiếp nhận; lý do ghi trên phiếu từ chối.',
    en: 'The dossier was not accepted; the reasons are on the refusal notice.',
  },
  assign: {
    vi: 'Hồ sơ được giao cho cán bộ xử lý.',
    en: 'The dossier was given to an officer to handle.',
  },
  forward_step: {
    vi: 'Hồ sơ được chuyển sang bước tiếp theo.',
    en: 'The dossier moved to the next step.',
  },
  submit_for_approval: {
    vi: 'Hồ sơ được trình lãnh đạo cơ quan phê duyệt.',
    en: 'The dossier went to the agency leader for approval.',
  },
  approve: { vi: 'Lãnh đạo cơ quan đã ký kết quả.', en: 'The agency leader signed the result.' },
  return_for_rework: {
    vi: 'Lãnh đạo cơ quan yêu cầu hoàn thiện lại trước khi ký.',
    en: 'The agency leader asked for more work before signing.',
  },
  return_result: { vi: 'Kết quả đã được trả.', en: 'The result was returned.' },
  request_supplement: {
    vi: 'Cơ quan yêu cầu bổ sung giấy tờ; thời hạn giải quyết tạm dừng.',
    en: 'The agency asked for more documents; the time limit is paused.',
  },
  receive_supplement: {
    vi: 'Đã nhận giấy tờ bổ sung; thời hạn giải quyết được tính lại từ đầu.',
    en: 'The extra documents were received; the time limit starts again.',
  },
  close_unsupplemented: {
    vi: 'Hồ sơ dừng giải quyết vì giấy tờ bổ sung không được nộp đúng hạn.',
    en: 'The dossier was closed: the extra documents did not come in time.',
  },
  request_payment: {
    vi: 'Cơ quan thông báo nộp phí, lệ phí.',
    en: 'The agency asked for the fees to be paid.',
  },
  confirm_payment: { vi: 'Đã nhận phí, lệ phí.', en: 'The fees were received.' },
  send_inter_agency: {
    vi: 'Hồ sơ được gửi lấy ý kiến cơ quan phối hợp.',
    en: 'The dossier was sent to another agency for its opinion.',
  },
  receive_inter_agency: {
    vi: 'Đã nhận ý kiến của cơ quan phối hợp.',
    en: 'The other agency’s opinion came back.',
  },
  extend: {
    vi: 'Cơ quan gửi thư xin lỗi và hẹn lại ngày trả kết quả.',
    en: 'The agency apologised and set a new date for the result.',
  },
  request_withdrawal: {
    vi: 'Người nộp yêu cầu rút hồ sơ.',
    en: 'The applicant asked to withdraw the dossier.',
  },
  accept_withdrawal: {
    vi: 'Hồ sơ được rút theo yêu cầu của người nộp.',
    en: 'The dossier was withdrawn as the applicant asked.',
  },
  reject_withdrawal: {
    vi: 'Yêu cầu rút hồ sơ không được chấp nhận; hồ sơ tiếp tục được giải quyết.',
    en: 'The withdrawal was not accepted; the dossier goes on.',
  },
  stop: {
    vi: 'Cơ quan dừng giải quyết hồ sơ; lý do ghi trên thông báo.',
    en: 'The agency stopped processing the dossier; the reasons are on the notice.',
  },
};

function stepRole(s: DossierSnapshot, index: number | null): Role | null {
  if (index === null) return null;
  return s.procedure.steps[index]?.role ?? null;
}

/** One event of the timeline, in plain words. */
export function describeEvent(e: PublicEvent, s: DossierSnapshot, agency: string, locale: Locale): string {
  const unit = e.unitName ?? agency;
  if (e.action === 'forward_step') {
    const role = e.toState === 'awaiting_approval' ? 'leader' : stepRole(s, e.stepIndex);
    const words = role ? STEP_MOVED[role] : undefined;
    if (words) return words[locale](unit);
  }
  if (e.action === 'approve' && e.outcome === 'refused') {
    return locale === 'vi'
      ? 'Lãnh đạo cơ quan đã ký văn bản trả lời không giải quyết, có nêu lý do.'
      : 'The agency leader signed a reply refusing the request, with the reasons.';
  }
  if (e.action === 'return_result' && e.channel) return RETURNED_BY[e.channel][locale];
  return ACTION_WORDS[e.action][locale];
}

/** Where the dossier stands now, for the heading of the result. */
export function describeStanding(
  s: DossierSnapshot,
  state: DossierState,
  unitName: string | null,
  agency: string,
  locale: Locale,
): string | null {
  if ((state === 'in_progress' || state === 'received') && s.step) {
    const words = STEP_NOW[stepRole(s, s.step.index) ?? 'specialist'];
    if (words) return words[locale](unitName ?? agency);
  }
  return null;
}

const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour12: false,
});

function vnDateTime(iso: string): string {
  const parts = Object.fromEntries(DATE_TIME.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute} ${parts.day}/${parts.month}/${parts.year}`;
}

/** What the applicant should do now, in the state the dossier is in. */
export function whatNext(s: DossierSnapshot, state: DossierState, locale: Locale): string {
  const vi = locale === 'vi';
  const due = s.dueAt ? vnDateTime(s.dueAt) : null;
  switch (state) {
    case 'submitted':
      return vi
        ? 'Hồ sơ đã được nộp trực tuyến và đang chờ Bộ phận Một cửa kiểm tra, tiếp nhận (trong 8 giờ làm việc). Bạn chưa cần làm gì thêm.'
        : 'The dossier was submitted online and awaits acceptance by the counter (within 8 working hours). Nothing to do yet.';
    case 'received':
    case 'in_progress':
    case 'awaiting_approval':
    case 'awaiting_inter_agency':
      return vi
        ? `Bạn chưa cần làm gì thêm.${due ? ` Kết quả hẹn trả lúc ${due}.` : ''} Nếu cần bổ sung giấy tờ, cơ quan sẽ báo cho bạn.`
        : `Nothing to do yet.${due ? ` The result is due at ${due}.` : ''} If documents are missing, the agency will tell you.`;
    case 'awaiting_supplement':
      return vi
        ? 'Hồ sơ cần bổ sung giấy tờ. Xem phiếu yêu cầu bổ sung và nộp giấy tờ tại Bộ phận Một cửa, mang theo giấy tiếp nhận; thời hạn giải quyết được tính lại từ khi nhận đủ.'
        : 'More documents are needed. See the request and bring them to the counter with your receipt; the time limit starts again once they are in.';
    case 'awaiting_payment':
      return vi
        ? 'Vui lòng nộp phí, lệ phí theo thông báo để hồ sơ được tiếp tục giải quyết.'
        : 'Please pay the fees as notified so that the dossier can go on.';
    case 'withdrawal_requested':
      return vi
        ? 'Cơ quan đang xem xét yêu cầu rút hồ sơ của bạn.'
        : 'The agency is considering your request to withdraw the dossier.';
    case 'result_ready':
      return vi
        ? 'Đã có kết quả. Mời bạn đến Bộ phận Một cửa nhận kết quả theo giấy hẹn, mang theo giấy tiếp nhận và giấy tờ tùy thân (hoặc giấy ủy quyền nếu nhận thay).'
        : 'The result is ready. Collect it at the counter with your receipt and an identity document (or a proxy letter if you collect it for someone else).';
    case 'returned':
      return returnedNext(s, vi);
    case 'refused':
      return vi
        ? 'Hồ sơ không được tiếp nhận. Xem lý do trên phiếu từ chối; bạn có thể nộp lại hồ sơ khi đã đủ giấy tờ.'
        : 'The dossier was not accepted. See the reasons on the refusal notice; you may hand it in again once it is complete.';
    case 'stopped':
      return vi
        ? 'Hồ sơ đã dừng giải quyết; lý do ghi trên thông báo gửi bạn. Bạn có thể nộp hồ sơ mới khi cần.'
        : 'The dossier was stopped; the reasons are on the notice sent to you. You may submit a new dossier when needed.';
  }
}

function returnedNext(s: DossierSnapshot, vi: boolean): string {
  if (s.outcome === 'refused') {
    return vi
      ? 'Cơ quan không giải quyết yêu cầu; lý do ghi trong văn bản trả lời. Bạn có thể nộp hồ sơ mới khi đủ điều kiện, hoặc khiếu nại theo quy định của pháp luật.'
      : 'The agency refused the request; the reasons are in its reply. You may apply again once the conditions are met, or lodge a complaint as the law provides.';
  }
  const where: Record<ReturnChannel, [string, string]> = {
    counter: ['Bạn đã nhận kết quả tại Bộ phận Một cửa.', 'You collected the result at the counter.'],
    post: [
      'Kết quả đã được gửi qua bưu chính đến địa chỉ bạn đăng ký. Nếu chưa nhận được, hãy liên hệ Bộ phận Một cửa.',
      'The result was sent by post to the address you gave. If it has not arrived, contact the counter.',
    ],
    online: ['Kết quả đã được gửi trực tuyến cho bạn.', 'The result was sent to you online.'],
  };
  const [viWhere, enWhere] = where[s.returnChannel ?? 'counter'];
  return vi
    ? `${viWhere} Hồ sơ đã hoàn tất, bạn không cần làm gì thêm. Nếu kết quả có sai sót, hãy mang kết quả và giấy tiếp nhận đến Bộ phận Một cửa để được đính chính.`
    : `${enWhere} The dossier is complete; nothing more to do. If the result has a mistake, bring it with your receipt to the counter to have it corrected.`;
}
