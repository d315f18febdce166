import { describe, expect, it } from 'vitest';
import {
  type Eform,
  eformSchema,
  parseEformDate,
  readNumber,
  validateAnswers,
} from '../../src/eforms/index.ts';

/** A small birth registration form: what a parent is asked, one thing per page. */
const form: Eform = eformSchema.parse({
  pages: [
    {
      titleVi: 'Họ và tên của trẻ',
      fields: [
        {
          key: 'childName',
          type: 'text',
          required: true,
          labelVi: 'Họ và tên của trẻ',
          labelEn: 'Child’s full name',
          min: 2,
          max: 20,
        },
      ],
    },
    {
      titleVi: 'Ngày sinh',
      fields: [
        {
          key: 'birthDate',
          type: 'date',
          required: true,
          labelVi: 'Ngày sinh',
          labelEn: 'Date of birth',
          min: '2020-01-01',
          max: 'today',
        },
      ],
    },
    {
      titleVi: 'Giới tính',
      fields: [
        {
          key: 'sex',
          type: 'radio',
          required: true,
          labelVi: 'Giới tính',
          labelEn: 'Sex',
          options: [
            { value: 'nam', labelVi: 'Nam', labelEn: 'Male' },
            { value: 'nu', labelVi: 'Nữ', labelEn: 'Female' },
          ],
        },
      ],
    },
    {
      titleVi: 'Người đi khai',
      fields: [
        {
          key: 'parentId',
          type: 'id_number',
          required: true,
          labelVi: 'Số định danh của người đi khai',
          labelEn: 'Declarant’s ID number',
        },
        { key: 'email', type: 'email', required: false, labelVi: 'Thư điện tử', labelEn: 'Email' },
        {
          key: 'children',
          type: 'number',
          required: false,
          labelVi: 'Số con',
          labelEn: 'Number of children',
          min: 1,
          max: 20,
        },
        {
          key: 'postcode',
          type: 'text',
          required: false,
          labelVi: 'Mã bưu chính',
          labelEn: 'Postcode',
          pattern: '\\d{6}',
        },
      ],
    },
  ],
});
const TODAY = '2027-03-02';
const check = (answers: Record<string, unknown>, locale: 'vi' | 'en' = 'vi', keys?: string[]) =>
  validateAnswers(form, answers as never, locale, { today: TODAY, ...(keys ? { keys } : {}) });

describe('validateAnswers', () => {
  it('accepts a complete, correct set of answers', () => {
    expect(
      check({
        childName: 'Nguyễn Minh An',
        birthDate: '27/2/2027',
        sex: 'nam',
        parentId: '079203001234',
        email: 'me@example.vn',
        children: '2',
        postcode: '700000',
      }),
    ).toEqual([]);
  });

  it('names every missing required answer in form order, in Vietnamese by default and in English on request', () => {
    expect(check({})).toEqual([
      { path: 'childName', message: 'Nhập họ và tên của trẻ' },
      { path: 'birthDate', message: 'Nhập ngày sinh' },
      { path: 'sex', message: 'Chọn giới tính' },
      { path: 'parentId', message: 'Nhập số định danh của người đi khai' },
    ]);
    expect(check({}, 'en').map((e) => e.message)).toEqual([
      'Enter child’s full name',
      'Enter date of birth',
      'Select sex',
      'Enter declarant’s ID number',
    ]);
  });

  it('says what is wrong with a wrong answer and how to put it right', () => {
    const errors = check({
      childName: 'A',
      birthDate: '31/2/2027',
      sex: 'khac',
      parentId: '1234',
      email: 'me@',
      children: 'ba',
      postcode: '7000',
    });
    expect(errors.map((e) => e.message)).toEqual([
      'Họ và tên của trẻ phải có ít nhất 2 ký tự',
      'Ngày sinh phải là một ngày có thật, ví dụ 27/3/2007',
      'Chọn giới tính trong danh sách',
      'Số định danh của người đi khai phải gồm 12 chữ số (căn cước) hoặc 9 chữ số (chứng minh nhân dân cũ)',
      'Thư điện tử phải có dạng ten@example.vn',
      'Số con phải là một số, ví dụ 3',
      'Mã bưu chính chưa đúng định dạng, xem gợi ý dưới ô nhập',
    ]);
  });

  it('says a too long answer is too long, also where the form sets no limit', () => {
    const errors = check(
      {
        childName: 'Nguyễn '.repeat(20),
        email: `${'a'.repeat(250)}@example.vn`,
        postcode: '1'.repeat(501),
      },
      'vi',
      ['childName', 'email', 'postcode'],
    );
    expect(errors.map((e) => e.message)).toEqual([
      'Họ và tên của trẻ chỉ được tối đa 20 ký tự',
      'Thư điện tử chỉ được tối đa 254 ký tự',
      'Mã bưu chính chỉ được tối đa 500 ký tự',
    ]);
    expect(check({ email: `${'a'.repeat(250)}@example.vn` }, 'en', ['email'])[0]!.message).toBe(
      'Email must be 254 characters or fewer',
    );
  });

  it('takes a mobile or a landline number, and refuses what is neither', () => {
    const phoneForm = {
      pages: [
        {
          titleVi: 'Số điện thoại',
          fields: [{ key: 'phone', type: 'phone' as const, required: true, labelVi: 'Số điện thoại' }],
        },
      ],
    };
    const wrong = (phone: string) => validateAnswers(phoneForm, { phone }, 'vi', { today: TODAY }).length > 0;
    for (const ok of ['0912 345 678', '+84 912 345 678', '0243 826 0000', '(028) 3829 1234', '0283.829.1234'])
      expect(wrong(ok), ok).toBe(false);
    for (const bad of ['0912', '0112 345 678', '0912 345 678 999', '024 3826 000', 'không có'])
      expect(wrong(bad), bad).toBe(true);
  });

  it('reads numbers as typed in Vietnam, and refuses a part where a whole number is asked', () => {
    expect(readNumber('12,5')).toBe(12.5);
    expect(readNumber('12.000')).toBe(12000);
    expect(readNumber('1 200 000')).toBe(1200000);
    expect(readNumber('1.5')).toBe(1.5);
    expect(Number.isNaN(readNumber(''))).toBe(true);
    const countForm = {
      pages: [
        {
          titleVi: 'Số con',
          fields: [
            {
              key: 'n',
              type: 'number' as const,
              required: true,
              labelVi: 'Số con',
              labelEn: 'Children',
              integer: true,
              max: 20,
            },
          ],
        },
      ],
    };
    const say = (n: string, locale: 'vi' | 'en' = 'vi') =>
      validateAnswers(countForm, { n }, locale, { today: TODAY }).map((e) => e.message);
    expect(say('2,5')).toEqual(['Số con phải là một số nguyên, không có phần lẻ, ví dụ 12']);
    expect(say('2,5', 'en')).toEqual(['Children must be a whole number, like 12']);
    // "12.000" is twelve thousand: too many, not twelve.
    expect(say('12.000')).toEqual(['Số con phải nhỏ hơn hoặc bằng 20']);
    expect(say('3')).toEqual([]);
  });

  it('keeps dates within their bounds, "today" being the civil date given', () => {
    expect(check({ birthDate: '3/3/2027' }, 'vi', ['birthDate'])).toEqual([
      { path: 'birthDate', message: 'Ngày sinh không được sau ngày 2/3/2027' },
    ]);
    expect(check({ birthDate: '2019-12-31' }, 'en', ['birthDate'])[0]!.message).toBe(
      'Date of birth must be on or after 1/1/2020',
    );
    expect(check({ children: 21 }, 'vi', ['children'])[0]!.message).toBe('Số con phải nhỏ hơn hoặc bằng 20');
  });

  it('checks only the fields of the page asked for', () => {
    expect(check({ childName: 'Nguyễn Minh An' }, 'vi', ['childName'])).toEqual([]);
  });

  it('reads dates as people write them, and refuses those that do not exist', () => {
    expect(parseEformDate('5/3/2027')).toBe('2027-03-05');
    expect(parseEformDate('05-03-2027')).toBe('2027-03-05');
    expect(parseEformDate('2027-03-05')).toBe('2027-03-05');
    expect(parseEformDate('29/2/2027')).toBeNull();
    expect(parseEformDate('ngày mai')).toBeNull();
  });
});

describe('eformSchema', () => {
  it('refuses a choice question without options, a bad pattern and a key used twice', () => {
    const bad = eformSchema.safeParse({
      pages: [
        { titleVi: 'A', fields: [{ key: 'a', type: 'select', required: true, labelVi: 'A' }] },
        { titleVi: 'B', fields: [{ key: 'a', type: 'text', required: true, labelVi: 'B', pattern: '(' }] },
      ],
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'pages.0.fields.0.options',
      'pages.1.fields.0.key',
      'pages.1.fields.0.pattern',
    ]);
  });
});
