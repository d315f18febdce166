/**
 * Decision 766/QĐ-TTg (2022), the service index (Bộ chỉ số chỉ đạo, điều hành và đánh giá chất
 * lượng phục vụ người dân, doanh nghiệp), DOMAIN.md §7: 100 points in six groups. The table is data:
 * an administrator overrides targets and points per agency and year (see `Index766Override`).
 * Where DOMAIN §7 gives no target, the default target is 100%. Where it gives a group's points but
 * not their split (3.1/3.3, 3.5/3.6), the group is split equally.
 */

/** The groups in the portal's order, with their maximum points. */
export const INDEX766_GROUPS = [
  { group: 'publicity', vi: 'Công khai, minh bạch', en: 'Publicity and transparency', points: 18 },
  {
    group: 'progress',
    vi: 'Tiến độ, kết quả giải quyết',
    en: 'Progress and results of handling',
    points: 20,
  },
  { group: 'online', vi: 'Dịch vụ công trực tuyến', en: 'Online public services', points: 12 },
  { group: 'payment', vi: 'Thanh toán trực tuyến', en: 'Online payment', points: 10 },
  { group: 'satisfaction', vi: 'Mức độ hài lòng', en: 'Satisfaction', points: 18 },
  { group: 'digitisation', vi: 'Số hóa hồ sơ', en: 'Digitisation of dossiers', points: 22 },
] as const;
export type Index766Group = (typeof INDEX766_GROUPS)[number]['group'];

export interface Index766Indicator {
  /** The national portal's numbering, e.g. '2.1'. */
  code: string;
  group: Index766Group;
  vi: string;
  en: string;
  /** How the rate is formed: numerator / denominator, in words. */
  formula: { vi: string; en: string };
  /** Default target, a percentage (0-100]. */
  target: number;
  /** Default points. */
  points: number;
}

const i = (
  code: string,
  group: Index766Group,
  vi: string,
  en: string,
  formula: [vi: string, en: string],
  target: number,
  points: number,
): Index766Indicator => ({
  code,
  group,
  vi,
  en,
  formula: { vi: formula[0], en: formula[1] },
  target,
  points,
});

/**
 * The sub-indicators. Payment (3.5, 3.6) is its own group on the portal (10 points) although its
 * codes are numbered under 3.
 */
export const INDEX766_INDICATORS: readonly Index766Indicator[] = [
  i(
    '1.1',
    'publicity',
    'Công khai TTHC đúng hạn',
    'Procedures published on time',
    [
      'Số TTHC công khai đúng hạn / số TTHC được công bố',
      'Procedures published on time / procedures published',
    ],
    100,
    6,
  ),
  i(
    '1.2',
    'publicity',
    'Cập nhật lên Cơ sở dữ liệu quốc gia đúng hạn',
    'Updated on the national database on time',
    [
      'Số TTHC cập nhật đúng hạn / số TTHC phải cập nhật',
      'Procedures updated on time / procedures to update',
    ],
    100,
    4,
  ),
  i(
    '1.3',
    'publicity',
    'Công khai đầy đủ các bộ phận của TTHC',
    'Published with all required parts',
    [
      'Số TTHC công khai đầy đủ / số TTHC đang có hiệu lực',
      'Procedures published complete / procedures in force',
    ],
    100,
    2,
  ),
  i(
    '1.4',
    'publicity',
    'Đồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia',
    'Dossiers synchronised with the national portal',
    ['Số hồ sơ đồng bộ / tổng số hồ sơ', 'Dossiers synchronised / all dossiers'],
    100,
    6,
  ),
  i(
    '2.1',
    'progress',
    'Hồ sơ giải quyết đúng hạn',
    'Dossiers handled on time',
    [
      '(Số hồ sơ giải quyết trước hạn + đúng hạn + đang giải quyết trong hạn) / số hồ sơ đã và đang giải quyết trong kỳ',
      '(Dossiers resolved early + on time + open and in time) / dossiers handled in the period',
    ],
    100,
    20,
  ),
  i(
    '3.1',
    'online',
    'TTHC cung cấp dịch vụ công trực tuyến',
    'Procedures offering online service',
    [
      'Số TTHC cung cấp dịch vụ công trực tuyến (toàn trình hoặc một phần) / tổng số TTHC',
      'Procedures offered online (fully or partly) / all procedures',
    ],
    80,
    6,
  ),
  i(
    '3.3',
    'online',
    'Hồ sơ trực tuyến',
    'Online dossiers',
    [
      'Số hồ sơ tiếp nhận trực tuyến / tổng số hồ sơ tiếp nhận trong kỳ',
      'Dossiers received online / all dossiers received in the period',
    ],
    50,
    6,
  ),
  i(
    '3.5',
    'payment',
    'TTHC có thanh toán trực tuyến',
    'Procedures with online payment',
    [
      'Số TTHC có thanh toán trực tuyến / số TTHC có phí, lệ phí',
      'Procedures with online payment / procedures with fees',
    ],
    80,
    5,
  ),
  i(
    '3.6',
    'payment',
    'Hồ sơ thanh toán trực tuyến',
    'Dossiers paid online',
    ['Số hồ sơ thanh toán trực tuyến / số hồ sơ có phí, lệ phí', 'Dossiers paid online / dossiers with fees'],
    100,
    5,
  ),
  i(
    '4.1',
    'digitisation',
    'Hồ sơ có kết quả điện tử',
    'Dossiers with an electronic result',
    ['Số hồ sơ có kết quả điện tử / tổng số hồ sơ', 'Dossiers with an electronic result / all dossiers'],
    100,
    6,
  ),
  i(
    '4.2',
    'digitisation',
    'Hồ sơ được số hóa',
    'Dossiers digitised',
    ['Số hồ sơ được số hóa / tổng số hồ sơ', 'Dossiers digitised / all dossiers'],
    80,
    4,
  ),
  i(
    '4.3',
    'digitisation',
    'Tái sử dụng dữ liệu số hóa',
    'Reuse of digitised data',
    ['Số hồ sơ tái sử dụng dữ liệu số hóa / tổng số hồ sơ', 'Dossiers reusing digitised data / all dossiers'],
    100,
    2,
  ),
  i(
    '4.4',
    'digitisation',
    'Kết nối kho dữ liệu của công dân',
    "Linked to the citizen's data store",
    [
      'Số hồ sơ có kết quả lưu vào kho dữ liệu công dân / tổng số hồ sơ',
      "Dossiers whose result is stored in the citizen's data store / all dossiers",
    ],
    100,
    4,
  ),
  i(
    '4.5',
    'digitisation',
    'Khai thác Cơ sở dữ liệu quốc gia về dân cư',
    'Use of the national population database',
    ['Số hồ sơ khai thác dữ liệu dân cư / tổng số hồ sơ', 'Dossiers using population data / all dossiers'],
    100,
    4,
  ),
  i(
    '4.6',
    'digitisation',
    'Cấp bản sao điện tử chứng thực',
    'Electronic certified copies',
    ['Số bản sao điện tử chứng thực được cấp / số yêu cầu', 'Electronic certified copies issued / requested'],
    100,
    2,
  ),
  i(
    '5.2',
    'satisfaction',
    'Xử lý phản ánh, kiến nghị đúng hạn',
    'Feedback handled on time',
    [
      'Số phản ánh, kiến nghị xử lý trong 15 ngày làm việc / tổng số tiếp nhận',
      'Feedback handled within 15 working days / feedback received',
    ],
    100,
    6,
  ),
  i(
    '5.3',
    'satisfaction',
    'Hài lòng về xử lý phản ánh, kiến nghị',
    'Satisfaction with feedback handling',
    [
      'Số đánh giá hài lòng / tổng số đánh giá về xử lý phản ánh, kiến nghị',
      'Satisfied ratings / ratings of feedback handling',
    ],
    100,
    6,
  ),
  i(
    '5.4',
    'satisfaction',
    'Hài lòng về giải quyết TTHC',
    'Satisfaction with dossier handling',
    [
      '100% − (tỷ lệ hồ sơ quá hạn + tỷ lệ hồ sơ bị phản ánh, đánh giá không hài lòng)',
      '100% − (late rate + rate of dossiers with a complaint or a negative rating)',
    ],
    90,
    6,
  ),
];

export function index766Indicator(code: string): Index766Indicator | undefined {
  return INDEX766_INDICATORS.find((x) => x.code === code);
}
