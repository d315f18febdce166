import type { Eform } from '@motcua/core';

/**
 * The demo's online procedures with real e-forms, keyed by procedure code: the questions of the
 * official declarations (the work permit application under Decree 152/2020 as amended by Decree
 * 70/2023, the unemployment benefit application, the registration of a company's labour rules),
 * one question or a small group per page.
 */
const applicantPages: Eform['pages'] = [
  {
    titleVi: 'Họ và tên của bạn',
    titleEn: 'Your full name',
    fields: [
      {
        key: 'fullName',
        type: 'text',
        required: true,
        labelVi: 'Họ và tên',
        labelEn: 'Full name',
        hintVi: 'Viết có dấu, như trên căn cước',
        hintEn: 'As written on your ID card',
        min: 2,
        max: 100,
      },
    ],
  },
  {
    titleVi: 'Số định danh cá nhân',
    titleEn: 'Personal identification number',
    fields: [
      {
        key: 'idNumber',
        type: 'id_number',
        required: true,
        labelVi: 'Số định danh cá nhân',
        labelEn: 'Personal identification number',
        hintVi: '12 chữ số trên thẻ căn cước',
        hintEn: 'The 12 digits on your citizen ID card',
      },
    ],
  },
  {
    titleVi: 'Số điện thoại liên hệ',
    titleEn: 'Contact phone number',
    fields: [
      {
        key: 'phone',
        type: 'phone',
        required: true,
        labelVi: 'Số điện thoại',
        labelEn: 'Phone number',
        hintVi: 'Cán bộ gọi số này khi cần hỏi thêm về hồ sơ',
        hintEn: 'The officer calls this number if they need to ask about the application',
      },
    ],
  },
];

export const DEMO_EFORMS: Record<string, Eform> = {
  // Hưởng trợ cấp thất nghiệp (Mẫu số 03, Nghị định 28/2015/NĐ-CP).
  'SNV-VL-001': {
    pages: [
      ...applicantPages,
      {
        titleVi: 'Ngày bạn chấm dứt hợp đồng lao động',
        titleEn: 'The day your employment contract ended',
        fields: [
          {
            key: 'contractEnd',
            type: 'date',
            required: true,
            labelVi: 'Ngày chấm dứt hợp đồng',
            labelEn: 'Contract end date',
            hintVi: 'Ví dụ 27/3/2027',
            hintEn: 'For example 27/3/2027',
            max: 'today',
          },
        ],
      },
      {
        titleVi: 'Số tháng đã đóng bảo hiểm thất nghiệp',
        titleEn: 'Months of unemployment insurance paid',
        fields: [
          {
            key: 'monthsPaid',
            type: 'number',
            integer: true,
            required: true,
            labelVi: 'Số tháng đã đóng',
            labelEn: 'Months paid',
            hintVi: 'Xem trên sổ bảo hiểm xã hội; cần ít nhất 12 tháng trong 24 tháng gần nhất',
            hintEn: 'See your social insurance book; at least 12 months in the last 24 are needed',
            min: 12,
            max: 600,
          },
        ],
      },
      {
        titleVi: 'Bạn muốn nhận trợ cấp bằng cách nào?',
        titleEn: 'How do you want to receive the benefit?',
        fields: [
          {
            key: 'payment',
            type: 'radio',
            required: true,
            labelVi: 'Cách nhận trợ cấp',
            labelEn: 'Payment method',
            options: [
              { value: 'bank', labelVi: 'Chuyển khoản ngân hàng', labelEn: 'Bank transfer' },
              { value: 'cash', labelVi: 'Nhận tiền mặt tại bưu điện', labelEn: 'Cash at the post office' },
            ],
          },
        ],
      },
    ],
  },
  // Đăng ký nội quy lao động của doanh nghiệp (Điều 119 Bộ luật Lao động 2019).
  'SNV-LDTL-001': {
    pages: [
      {
        titleVi: 'Tên doanh nghiệp',
        titleEn: 'Business name',
        fields: [
          {
            key: 'businessName',
            type: 'text',
            required: true,
            labelVi: 'Tên doanh nghiệp',
            labelEn: 'Business name',
            hintVi: 'Như trên giấy chứng nhận đăng ký doanh nghiệp',
            hintEn: 'As on the business registration certificate',
            max: 300,
          },
        ],
      },
      {
        titleVi: 'Mã số doanh nghiệp',
        titleEn: 'Business registration number',
        fields: [
          {
            key: 'taxCode',
            type: 'text',
            required: true,
            labelVi: 'Mã số doanh nghiệp',
            labelEn: 'Business registration number',
            hintVi: '10 chữ số, hoặc 10 chữ số, dấu gạch và 3 chữ số cho chi nhánh',
            hintEn: '10 digits, or 10 digits, a dash and 3 digits for a branch',
            pattern: '\\d{10}(-\\d{3})?',
          },
        ],
      },
      {
        titleVi: 'Người đại diện theo pháp luật',
        titleEn: 'Legal representative',
        fields: [
          {
            key: 'fullName',
            type: 'text',
            required: true,
            labelVi: 'Họ và tên người đại diện',
            labelEn: 'Representative’s full name',
            min: 2,
            max: 100,
          },
          {
            key: 'phone',
            type: 'phone',
            required: true,
            labelVi: 'Số điện thoại',
            labelEn: 'Phone number',
          },
        ],
      },
      {
        titleVi: 'Số người lao động đang sử dụng',
        titleEn: 'Number of employees',
        fields: [
          {
            key: 'employees',
            type: 'number',
            integer: true,
            required: true,
            labelVi: 'Số người lao động',
            labelEn: 'Number of employees',
            hintVi: 'Doanh nghiệp từ 10 người lao động trở lên phải đăng ký nội quy',
            hintEn: 'Businesses with 10 or more employees must register their rules',
            min: 10,
            max: 1000000,
          },
        ],
      },
    ],
  },
};
