import type { QuestionnaireContent } from './questionnaire.ts';

/**
 * The questionnaire shipped with the demo: the five elements of Decision 1001/QĐ-BNV, worded as the
 * method's own form asks them, each scored from 1 "rất không hài lòng" to 5 "rất hài lòng", and two
 * choice questions that describe the answer without entering the index.
 */
export const DEFAULT_QUESTIONNAIRE: QuestionnaireContent = {
  title:
    'Phiếu khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước',
  intro:
    'Để nâng cao chất lượng phục vụ, xin Ông/Bà vui lòng cho biết mức độ hài lòng của mình đối với việc giải quyết thủ tục hành chính vừa qua. Phiếu không ghi tên người trả lời.',
  questions: [
    {
      id: 'kenh-nop',
      element: 'access',
      kind: 'choice',
      text: 'Ông/Bà đã nộp hồ sơ bằng hình thức nào?',
      choices: [
        'Trực tiếp tại Bộ phận Một cửa',
        'Qua dịch vụ bưu chính công ích',
        'Trực tuyến trên Cổng dịch vụ công',
      ],
    },
    {
      id: 'tiep-can-noi-cho',
      element: 'access',
      kind: 'scale',
      text: 'Nơi ngồi chờ tại Bộ phận Một cửa có đủ chỗ ngồi, sạch sẽ, thoáng mát',
      choices: [],
    },
    {
      id: 'tiep-can-trang-thiet-bi',
      element: 'access',
      kind: 'scale',
      text: 'Trang thiết bị phục vụ người dân, tổ chức (máy tra cứu, bàn viết, máy lấy số thứ tự) đầy đủ, dễ sử dụng',
      choices: [],
    },
    {
      id: 'thu-tuc-cong-khai',
      element: 'procedure',
      kind: 'scale',
      text: 'Thủ tục hành chính được niêm yết công khai đầy đủ, chính xác',
      choices: [],
    },
    {
      id: 'thu-tuc-thanh-phan',
      element: 'procedure',
      kind: 'scale',
      text: 'Thành phần hồ sơ phải nộp đúng như quy định đã công khai',
      choices: [],
    },
    {
      id: 'thu-tuc-phi',
      element: 'procedure',
      kind: 'scale',
      text: 'Phí, lệ phí phải nộp đúng như quy định đã công khai',
      choices: [],
    },
    {
      id: 'cong-chuc-thai-do',
      element: 'officials',
      kind: 'scale',
      text: 'Công chức có thái độ giao tiếp lịch sự, tôn trọng người dân, tổ chức',
      choices: [],
    },
    {
      id: 'cong-chuc-huong-dan',
      element: 'officials',
      kind: 'scale',
      text: 'Công chức hướng dẫn kê khai hồ sơ tận tình, chu đáo, dễ hiểu',
      choices: [],
    },
    {
      id: 'cong-chuc-tuan-thu',
      element: 'officials',
      kind: 'scale',
      text: 'Công chức tuân thủ đúng quy định trong giải quyết công việc, không gây phiền hà, sách nhiễu',
      choices: [],
    },
    {
      id: 'ket-qua-dung-han',
      element: 'result',
      kind: 'scale',
      text: 'Kết quả được trả đúng hạn như giấy tiếp nhận và hẹn trả kết quả',
      choices: [],
    },
    {
      id: 'ket-qua-chinh-xac',
      element: 'result',
      kind: 'scale',
      text: 'Kết quả giải quyết có thông tin đầy đủ, chính xác',
      choices: [],
    },
    {
      id: 'phan-anh-co',
      element: 'feedback',
      kind: 'choice',
      text: 'Ông/Bà có góp ý, phản ánh, kiến nghị trong quá trình giải quyết thủ tục không?',
      choices: ['Có', 'Không'],
    },
    {
      id: 'phan-anh-hinh-thuc',
      element: 'feedback',
      kind: 'scale',
      text: 'Cơ quan bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị thuận tiện',
      choices: [],
    },
    {
      id: 'phan-anh-xu-ly',
      element: 'feedback',
      kind: 'scale',
      text: 'Góp ý, phản ánh, kiến nghị được tiếp nhận, xử lý và trả lời kịp thời, thỏa đáng',
      choices: [],
    },
  ],
};
