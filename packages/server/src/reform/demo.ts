import { randomUUID } from 'node:crypto';
import { effectiveDeadline, type ReformArea, type TargetMeasure, vietnamDateOf } from '@motcua/core';
import type { AppContext } from '../context.ts';
import { getUnitByCode } from '../org/units.ts';
import { DEMO_AGENCY_CODE, DEMO_UNIT_CODES } from '../seed/organisation-data.ts';
import { insertInspection } from './inspections-store.ts';
import { calendarOf } from './service.ts';
import { insertPlan, insertTarget, insertTask, issuePlan } from './store.ts';

/**
 * The demo agency's reform plan for the current year, as seed 001 wrote it: its purposes,
 * requirements and ten targets (chỉ tiêu), bound to the system's measures where it can compute
 * them; a few tasks by area for its units, one of them from the provincial People's Committee
 * (seed 003); and the units on the year's inspection list.
 */
const TARGETS: [string, TargetMeasure, number][] = [
  [
    '100% đơn vị trực thuộc xây dựng kế hoạch cụ thể và tổ chức thực hiện đầy đủ Kế hoạch CCHC của Sở',
    'manual',
    100,
  ],
  ['100% người đứng đầu đơn vị trực tiếp phụ trách, chỉ đạo công tác cải cách hành chính', 'manual', 100],
  [
    'Tối thiểu 30% phòng chuyên môn, đơn vị trực thuộc được kiểm tra cải cách hành chính trong năm',
    'units_inspected',
    30,
  ],
  [
    'Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn và trước hạn đạt từ 90% trở lên',
    'on_time_rate',
    90,
  ],
  ['Bố trí công chức, viên chức theo đúng vị trí việc làm đã được phê duyệt', 'manual', 100],
  ['100% thủ tục hành chính được thực hiện thông qua cơ chế một cửa, một cửa liên thông', 'manual', 100],
  ['100% cán bộ, công chức, viên chức được đào tạo, bồi dưỡng theo kế hoạch', 'manual', 100],
  [
    '100% hồ sơ thủ tục hành chính được cập nhật, theo dõi qua hệ thống thông tin một cửa điện tử',
    'dossiers_tracked_share',
    100,
  ],
  ['Phấn đấu 100% văn bản giao dịch giữa cơ quan và các đơn vị trực thuộc dưới dạng điện tử', 'manual', 100],
  [
    'Tối thiểu 80% số thủ tục hành chính được xây dựng quy trình (ISO, quy trình nội bộ)',
    'internal_process_share',
    80,
  ],
];

const TASKS: [ReformArea, string, keyof typeof DEMO_UNIT_CODES, string][] = [
  ['direction', 'Xây dựng kế hoạch cải cách hành chính của đơn vị', 'office', '03-31'],
  ['institutions', 'Rà soát văn bản quy phạm pháp luật của ngành', 'labourWages', '06-30'],
  ['procedures', 'Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực việc làm', 'employment', '09-30'],
  ['procedures', 'Cập nhật, công khai thủ tục hành chính lĩnh vực người có công', 'merit', '06-15'],
  ['organisation', 'Rà soát chức năng, nhiệm vụ của các phòng chuyên môn', 'organisation', '10-31'],
  ['civil_service', 'Xây dựng kế hoạch đào tạo, bồi dưỡng công chức, viên chức', 'civilService', '04-30'],
  ['digital_government', 'Đẩy mạnh sử dụng chữ ký số và văn bản điện tử', 'office', '11-30'],
  ['communication', 'Tuyên truyền cải cách hành chính trên Trang thông tin điện tử', 'office', '12-15'],
];

export async function seedReformDemo(
  ctx: AppContext,
): Promise<{ plans: number; targets: number; tasks: number }> {
  const db = ctx.db;
  const now = ctx.now();
  const year = Number(vietnamDateOf(now).slice(0, 4));
  const agency = (await getUnitByCode(db, DEMO_AGENCY_CODE))!;
  const planId = randomUUID();
  await insertPlan(db, {
    id: planId,
    agencyId: agency.id,
    year,
    copiedFrom: null,
    by: null,
    now,
    content: {
      title: `Kế hoạch cải cách hành chính của Sở Nội vụ năm ${year}`,
      basis: `Kế hoạch cải cách hành chính nhà nước của Ủy ban nhân dân Thành phố năm ${year}`,
      purposes: [
        'Triển khai toàn diện, đồng bộ, hiệu quả các nội dung cải cách hành chính',
        'Xây dựng nền hành chính minh bạch, hiệu quả, "Công sở thân thiện vì Nhân dân phục vụ"',
        'Nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức; tăng cường trách nhiệm người đứng đầu',
      ],
      requirements: [
        'Công tác cải cách hành chính là nhiệm vụ trọng tâm, khâu đột phá trong lãnh đạo, chỉ đạo, điều hành',
        'Các chỉ tiêu, nhiệm vụ gắn với chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội của Thành phố',
        'Triển khai nghiêm túc, đầy đủ, hiệu quả, đúng thời gian và bám sát sự chỉ đạo của cấp trên',
        'Kết quả cải cách hành chính là tiêu chí quan trọng trong thi đua, khen thưởng',
      ],
    },
  });
  for (const [title, measure, value] of TARGETS)
    await insertTarget(db, planId, agency.id, randomUUID(), {
      title,
      measure,
      comparator: 'at_least',
      value,
    });
  const cal = await calendarOf(db, agency.id);
  const unit = async (key: keyof typeof DEMO_UNIT_CODES) =>
    (await getUnitByCode(db, DEMO_UNIT_CODES[key]))!.id;
  const task = async (area: ReformArea, title: string, unitId: string, deadline: string, province = false) =>
    insertTask(db, {
      id: randomUUID(),
      agencyId: agency.id,
      planId,
      area,
      title,
      description: '',
      unitId,
      assigneeId: null,
      deadline,
      dueOn: effectiveDeadline(deadline, cal),
      source: province ? 'province' : 'plan',
      sourceNumber: province ? `4334/UBND-KSTT` : null,
      sourceDate: province ? `${year}-01-20` : null,
      inspectionId: null,
      by: null,
      now,
    });
  for (const [area, title, key, day] of TASKS) await task(area, title, await unit(key), `${year}-${day}`);
  await task(
    'digital_government',
    'Bảo đảm trên 95% văn bản trao đổi dưới dạng điện tử (theo chỉ đạo của UBND Thành phố)',
    await unit('office'),
    `${year}-10-15`,
    true,
  );
  for (const [key, day] of [
    ['employment', '05-20'],
    ['merit', '08-18'],
    ['employmentCentre', '10-13'],
  ] as const)
    await insertInspection(db, {
      id: randomUUID(),
      agencyId: agency.id,
      planId,
      unitId: await unit(key),
      plannedOn: `${year}-${day}`,
      now,
    });
  await issuePlan(db, planId, now);
  return { plans: 1, targets: TARGETS.length, tasks: TASKS.length + 1 };
}
