/**
 * @module The Vietnamese text of every message code (src/shared/messages.ts): the app's first language, and what
 * the server writes in a refusal's `reason` for apps older than message codes. `src/ui/i18n/vi.ts` shows it.
 */
import { formatMessage, type Message, type MessageTexts } from './messages';

const label = (texts: MessageTexts, name: string | number) =>
  texts.labels[name as keyof MessageTexts['labels']] ?? String(name);
/** 'yyyy-mm' as the screens write a month: mm/yyyy. */
const monthVi = (m: string | number) => String(m).split('-').reverse().join('/');
const CHANGE_VI: Record<string, string> = {
  adjust: 'điều chỉnh',
  stop: 'thôi hưởng',
  suspend: 'tạm dừng',
  resume: 'hưởng lại',
  'move-out': 'thôi hưởng do chuyển đi',
};
const STATE_VI: Record<string, string> = {
  active: 'đang hưởng',
  suspended: 'đang tạm dừng',
  stopped: 'đã thôi hưởng',
  none: 'chưa hưởng',
};

export const messagesVi: MessageTexts = {
  messages: {
    text: (p) => String(p.text),
    issues: (_, x) => x.issues,

    'field.communeCode': () => 'Mã xã phải gồm 5 chữ số',
    'field.citizenId': () => 'Số CCCD phải gồm đúng 12 chữ số',
    'field.phone': () => 'Số điện thoại không hợp lệ (ví dụ 0912345678)',
    'field.uuid': () => 'Mã không hợp lệ',
    'field.partialDate': () => 'Ngày phải có dạng dd/mm/yyyy hoặc chỉ năm',
    'field.date': () => 'Ngày phải có dạng dd/mm/yyyy',
    'field.unstorable': (p) => `${label(messagesVi, p.label)} chứa ký tự không lưu được (ký tự NUL hoặc mã hóa hỏng)`,
    'field.tooLong': (p) => `${label(messagesVi, p.label)} dài quá ${p.max} ký tự`,
    'field.required': (p) => `Nhập ${label(messagesVi, p.label).toLowerCase()}`,
    'field.controlChars': (p) => `${label(messagesVi, p.label)} chứa ký tự điều khiển`,
    'field.money': () => 'Nhập số tiền',
    'field.moneyInteger': () => 'Số tiền phải là số nguyên',
    'field.notNegative': () => 'Không được âm',
    'field.floorArea': () => 'Nhập diện tích',
    'field.number': () => 'Nhập một số',
    'field.integer': () => 'Phải là số nguyên',
    'field.atMost': (p) => `Không được lớn hơn ${messagesVi.number(Number(p.max))}`,
    'field.choose': () => 'Chọn một trong các câu trả lời',
    'field.month': () => 'Nhập tháng (mm/yyyy)',
    'allowance.form': () => 'Chọn mẫu tờ khai',
    'change.reason': () => 'Lý do không thuộc loại thay đổi đã chọn',
    'change.deathDate': () => 'Ghi ngày mất',
    'change.toCommune': () => 'Chọn xã nơi chuyển đến',
    'household.area': () => 'Khu vực phải là nông thôn hoặc thành thị',
    'household.headName': () => 'Nhập họ tên chủ hộ',
    'household.village': () => 'Nhập thôn/tổ dân phố',
    'member.fullName': () => 'Nhập họ tên',
    'member.sex': () => 'Chọn giới tính',
    'member.relation': () => 'Chọn quan hệ với chủ hộ',
    'member.ethnicity': () => 'Chọn dân tộc',
    'distribution.round': () => 'Nhập đợt cứu trợ',
    'distribution.quantity': () => 'Số lượng không được âm',
    'distribution.voidReason': () => 'Nhập lý do hủy',
    'emergency.type': () => 'Chọn loại sự kiện',
    'emergency.villages': () => 'Chọn ít nhất một thôn',
    'damage.members': () => 'Hộ có ít nhất 1 người',
    'round.items': () => 'Thêm ít nhất một loại hàng',
    'attachment.hash': () => 'Mã tệp không hợp lệ',
    'attachment.tooLarge': () => 'Ảnh quá lớn (tối đa 300 KB)',
    'protocol.tooManyFields': (p) => `Quá ${p.max} trường trong một thay đổi`,
    'protocol.stampControl': () => 'Dấu thời gian chứa ký tự điều khiển',
    'login.username': () => 'Nhập tên đăng nhập',
    'login.usernameInvalid': () => 'Tên đăng nhập chứa ký tự không hợp lệ',
    'login.password': () => 'Nhập mật khẩu',
    'json.notObject': () => 'Phải là một đối tượng dữ liệu',
    'json.invalid': (p, x) => `Dữ liệu không hợp lệ: ${x.say({ code: p.problem as Message['code'], params: p })}`,
    'json.badNumber': () => 'số không hợp lệ',
    'json.stringTooLong': (p) => `chuỗi dài quá ${p.max} ký tự`,
    'json.tooDeep': (p) => `lồng nhau quá ${p.max} tầng`,
    'json.tooManyItems': (p) => `danh sách quá ${p.max} phần tử`,
    'json.notJson': () => 'không phải dữ liệu JSON',
    'json.tooManyKeys': (p) => `quá ${p.max} khóa trong một đối tượng`,
    'json.keyTooLong': (p) => `tên khóa dài quá ${p.max} ký tự`,
    'json.unsafeKey': () => 'tên khóa chứa ký tự điều khiển hoặc mã hóa hỏng',
    'json.tooLarge': (p) => `dữ liệu lớn quá ${messagesVi.number(Number(p.kb))} KB`,
    'key.empty': () => 'Tên trường trống',
    'key.tooLong': (p) => `Tên trường dài quá ${p.max} ký tự`,
    'key.unsafe': () => 'Tên trường chứa ký tự điều khiển hoặc mã hóa hỏng',
    'clock.futureDate': (p) =>
      `${label(messagesVi, p.label)} ở tương lai: ${p.date}. Đồng hồ của máy tính bảng có thể đang sai — hãy chỉnh lại ngày giờ của máy rồi nhập lại.`,
    'survey.income': () => 'Nhập thu nhập',
    // Issue 11, data entry.
    'date.notOnCalendar': () => 'Ngày này không có trên lịch (ví dụ 31/02): kiểm tra lại ngày và tháng',
    'date.beforeEarliest': (p) => `Năm phải từ ${p.year} trở đi`,
    'date.typedInFuture': (p) => `${label(messagesVi, p.label)} ở tương lai: ${p.date}. Kiểm tra lại năm.`,
    'village.status': () => 'Trạng thái của thôn phải là "trong danh sách" hoặc "khác (chờ xem xét)"',
    'reject.createOnlyAs': (p) =>
      `Vai trò ${messagesVi.roles[p.role as keyof MessageTexts['roles']] ?? p.role} chỉ được thêm ${messagesVi.kinds[p.kind as keyof MessageTexts['kinds']] ?? p.kind} ở trạng thái "khác (chờ xem xét)"; cán bộ xã xác nhận sau.`,

    'http.reportsNotPermitted': (p) =>
      `Vai trò ${messagesVi.roles[p.role as keyof MessageTexts['roles']] ?? p.role} không được xem báo cáo tổng hợp.`,
    'http.payrollNotPermitted': (p) =>
      `Vai trò ${messagesVi.roles[p.role as keyof MessageTexts['roles']] ?? p.role} không được xem danh sách chi trả.`,
    'http.communeNotAssigned': () => 'Xã này không được giao cho bạn.',
    'payroll.officerOnly': (p) =>
      `Vai trò ${messagesVi.roles[p.role as keyof MessageTexts['roles']] ?? p.role} không được duyệt, khóa hay mở lại danh sách chi trả; chỉ cán bộ xã.`,
    'payroll.listChanged': () =>
      'Danh sách đã thay đổi từ lúc bạn mở nó (có quyết định mới). Hãy xem lại danh sách rồi duyệt.',
    'payroll.earlierNotLocked': (p) =>
      `Hãy khóa danh sách tháng ${monthVi(p.month)} trước: mỗi tháng lập trên danh sách đã khóa của tháng trước.`,
    'payroll.alreadyApproved': () => 'Danh sách tháng này đã được duyệt.',
    'payroll.notApproved': () => 'Danh sách chưa được cán bộ xã duyệt: duyệt trước, rồi mới trình Chủ tịch khóa.',
    'payroll.changedSinceApproval': () =>
      'Hồ sơ đã thay đổi từ lúc duyệt (có quyết định mới): hãy xem lại và duyệt lại danh sách trước khi khóa.',
    'payroll.locked': () => 'Danh sách tháng này đã khóa: chỉ thay đổi được khi mở lại, có ghi lý do.',
    'payroll.laterMonthKept': (p) =>
      `Danh sách tháng ${monthVi(p.month)} đã lập trên danh sách này: hãy mở lại tháng đó trước.`,
    'payroll.returnsRecorded': () => 'Đã ghi kết quả chi trả của đơn vị chi trả cho danh sách này: không mở lại được.',
    'payroll.notLocked': () => 'Chỉ ghi kết quả chi trả cho danh sách đã khóa.',
    'payroll.nothingToReopen': () => 'Danh sách tháng này chưa được duyệt hay khóa: không có gì để mở lại.',
    'reject.outOfScope': () => 'Bản ghi này thuộc xã không được giao cho bạn.',
    'reject.notPermitted': (p) =>
      `Vai trò ${messagesVi.roles[p.role as keyof MessageTexts['roles']] ?? p.role} không được ${messagesVi.actions[p.action as keyof MessageTexts['actions']] ?? p.action} ${messagesVi.kinds[p.kind as keyof MessageTexts['kinds']] ?? p.kind}.`,
    'reject.caseStatus': (p) =>
      `Hồ sơ đang ở trạng thái "${messagesVi.statuses[p.status as keyof MessageTexts['statuses']] ?? p.status}", không thể ${COMMANDS_VI[String(p.command)] ?? p.command} nữa.`,
    'reject.commentNeeded': () => 'Cần ghi rõ lý do.',
    'reject.invalidChange': (_, x) => `Thay đổi không hợp lệ — ${x.issues}`,
    'reject.invalidHandout': (_, x) => `Phiếu phát không hợp lệ — ${x.issues}`,
    'reject.invalidVoid': (_, x) => `Yêu cầu hủy không hợp lệ — ${x.issues}`,
    'reject.invalidData': (_, x) => `Dữ liệu không hợp lệ — ${x.issues}`,
    'reject.invalidSurvey': (_, x) => `Phiếu rà soát không hợp lệ — data.${x.issues}`,
    'reject.communeNotAssigned': (p) => `Bạn không được giao xã có mã ${p.commune}.`,
    'reject.handoutHouseholdMissing': () =>
      'Không tìm thấy hộ nhận trong xã này; hãy đồng bộ lại hoặc ghi hộ vào danh sách trước.',
    'reject.alreadyVoided': () => 'Phiếu phát này đã được hủy trước đó.',
    'reject.caseDeleted': () => 'Hồ sơ đã bị xóa.',
    'reject.idOfOtherType': (p) => `Mã ${p.id} đã dùng cho một bản ghi loại khác.`,
    'reject.deletedOnServer': () => 'Bản ghi đã bị xóa trên máy chủ; thay đổi này không được áp dụng.',
    'reject.fieldNotEditable': (p) => `Trường "${p.field}" không sửa được.`,
    'reject.tooManyCandidates': (p) =>
      `Trường "${p.field}" đang có ${p.count} giá trị chờ cán bộ xã quyết định; hãy chờ quyết định rồi sửa lại.`,
    'reject.caseLocked': () => 'Hồ sơ đã gửi duyệt: chỉ sửa được khi cán bộ xã trả lại.',
    'reject.householdMissing': () =>
      'Không tìm thấy hộ gia đình của bản ghi này trong xã; hãy đồng bộ lại rồi thử lại.',
    'reject.personMissing': () => 'Không tìm thấy người của hồ sơ này trong xã; hãy đồng bộ lại rồi thử lại.',
    'reject.conflictResolved': () => 'Xung đột này đã được giải quyết.',
    'reject.conflictRecordGone': () => 'Bản ghi của xung đột không còn; không thể áp dụng.',
    'reject.moveNotByConflict': () =>
      'Chuyển xã hoặc chuyển hộ không quyết định qua xung đột; hãy sửa trực tiếp hồ sơ.',
    'reject.duplicateDecision': () => 'Chọn "đúng là trùng" hoặc "không trùng".',
    'reject.duplicateNotFound': () => 'Không tìm thấy trường hợp trùng này.',
    'reject.duplicateMerged': () => 'Nhóm nghi trùng này đã được gộp vào một nhóm khác; hãy xem nhóm mới.',
    'reject.duplicateDecided': () => 'Trường hợp trùng này đã được xem xét.',
    'reject.duplicateGrew': () => 'Nhóm nghi trùng này vừa có thêm hồ sơ; hãy xem lại rồi quyết định.',
    'reject.duplicateKeep': () => 'Hồ sơ được chọn để giữ lại không còn trong nhóm nghi trùng này; hãy xem lại.',
    'reject.surveyHouseholdMissing': () => 'Không tìm thấy hộ gia đình của phiếu rà soát.',
    'reject.surveyUnclassifiable': (p) => `Không xếp loại được phiếu rà soát: ${p.error}`,
    'reject.decisionBeforeFiling': (p) =>
      `Tháng bắt đầu hưởng (${monthVi(p.startMonth)}) trước tháng nộp hồ sơ (${monthVi(p.filedMonth)}).`,
    'reject.decisionDiffers': (p) =>
      `Theo quy định: hệ số ${Number(p.coefficient).toLocaleString('vi-VN')}, ${Number(p.amount).toLocaleString('vi-VN')} đ/tháng; ghi lý do nếu quyết định khác.`,
    'reject.decisionNoCategory': () =>
      'Theo quy định, hồ sơ chưa đủ điều kiện hưởng diện nào của mẫu tờ khai này; ghi lý do nếu quyết định khác.',
    'reject.decisionCategoryOfForm': (p) => `Diện trong quyết định không thuộc mẫu tờ khai ${p.form}.`,
    'reject.decisionActive': (p) =>
      `Người này đã có quyết định số ${p.number} đang hưởng cùng diện; không ghi thêm quyết định thứ hai.`,
    'reject.postingNoCalendar': (p) =>
      `Chưa có lịch ngày nghỉ năm ${p.year}: không tính được hạn niêm yết; hãy báo quản trị viên.`,
    'reject.changeGrantMissing': () => 'Không tìm thấy quyết định hưởng trợ cấp của người này để thay đổi.',
    'reject.changeNotApplicable': (p) =>
      `Không thể ${CHANGE_VI[String(p.change)] ?? p.change} từ tháng ${monthVi(p.month)}: trợ cấp khi đó ${STATE_VI[String(p.state)] ?? p.state}.`,
    'reject.changeBeforeGrant': (p) =>
      `Tháng thay đổi (${monthVi(p.month)}) trước tháng bắt đầu hưởng (${monthVi(p.startMonth)}).`,
    'reject.changeDeathMonth': (p) => `Thôi hưởng do chết từ tháng sau tháng chết, tức tháng ${monthVi(p.month)}.`,
    'reject.changeFigures': () => 'Quyết định điều chỉnh phải ghi diện, hệ số và mức trợ cấp.',
    'reject.schemaTooNew': () => 'Thay đổi được ghi bởi phiên bản ứng dụng mới hơn máy chủ; hãy báo quản trị viên.',
    'reject.schemaTooOld': () => 'Thay đổi được ghi bởi phiên bản ứng dụng quá cũ, không thể chuyển đổi; hãy nhập lại.',

    'sync.unreadableAnswer': (p) => `HTTP ${p.status}: không đọc được câu trả lời`,
    'sync.invalidAnswer': () => 'Câu trả lời của máy chủ không hợp lệ',
    'sync.httpStatus': (p) => `HTTP ${p.status}`,
    'sync.gap': (p) => `Máy chủ chờ thay đổi số ${p.expected}; hãy báo quản trị viên.`,
    'sync.tooManyTrips': () => 'Quá nhiều lượt đồng bộ; sẽ thử lại sau.',
    'sync.quota': () =>
      'Bộ nhớ của máy đã đầy: đồng bộ tạm dừng, mọi dữ liệu đã nhập vẫn được giữ. Hãy giải phóng dung lượng (xóa ảnh, ứng dụng không dùng) rồi bấm "Đồng bộ ngay".',

    'setAside.badFormat': (_, x) => `Dữ liệu không đúng định dạng — ${x.issues}`,
    'setAside.storeFailed': (p) =>
      `Máy không lưu được bản ghi: ${messagesVi.storeErrors[p.error as keyof MessageTexts['storeErrors']] ?? messagesVi.storeErrors.unknown}`,
    'db.conflictNotFound': () => 'Không tìm thấy xung đột trên máy',

    'http.unsupportedEncoding': (p) => `Không hỗ trợ nén kiểu ${p.encoding}.`,
    'http.tooLargeUnzipped': () => 'Yêu cầu quá lớn sau khi giải nén.',
    'http.badGzip': () => 'Nội dung nén gzip bị hỏng.',
    'http.badJson': () => 'Nội dung yêu cầu không phải JSON hợp lệ.',
    'http.attachmentsRateLimited': () =>
      'Gửi ảnh quá dồn dập; ứng dụng sẽ tự gửi tiếp sau ít phút, ảnh vẫn được giữ trên máy.',
    'http.noAttachments': () => 'Máy chủ không nhận tệp đính kèm.',
    'http.attachmentMetaMissing': () => 'Thiếu mô tả tệp đính kèm (X-Attachment).',
    'http.attachmentHashMismatch': () => 'Mã tệp không khớp với mô tả.',
    'http.rangeMissing': () => 'Thiếu Content-Range: bytes a-b/tổng.',
    'http.imageTooLarge': () => 'Ảnh quá lớn (tối đa 300 KB).',
    'http.rangeOutside': () => 'Content-Range không hợp lệ: phần tệp nằm ngoài kích thước đã khai.',
    'http.attachmentRecordMissing': () =>
      'Bản ghi của tệp này chưa có trên máy chủ hoặc không thuộc xã của bạn; ứng dụng sẽ gửi lại sau khi đồng bộ dữ liệu.',
    'http.receiptsOnlyForHandouts': () => 'Chỉ phiếu phát và hồ sơ trợ cấp mới có ảnh đính kèm.',
    'http.chunkLength': () => 'Độ dài phần tệp không khớp Content-Range.',
    'http.uploadCorrupt': () => 'Tệp nhận được bị hỏng (mã không khớp); ứng dụng sẽ gửi lại từ đầu.',
    'http.noSuchFile': () => 'Không có tệp này.',
    'http.sessionExpired': () => 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Vui lòng đăng nhập lại.',
    'http.loginBusy': () => 'Máy chủ đang bận xử lý nhiều lượt đăng nhập. Vui lòng thử lại sau vài giây.',
    'http.wrongLogin': () => 'Sai tên đăng nhập hoặc mật khẩu.',
    'http.loginLocked': (p) => {
      const seconds = Number(p.seconds);
      const wait = seconds < 60 ? `${seconds} giây` : `${Math.ceil(seconds / 60)} phút`;
      return `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${wait} (lúc ${p.at}).`;
    },
    'http.syncRateLimited': () => 'Đồng bộ quá dồn dập; ứng dụng sẽ tự thử lại sau ít phút.',
    'http.appTooOld': () =>
      'Ứng dụng đã quá cũ. Hãy cập nhật ứng dụng (tải lại trang khi có mạng); các thay đổi chưa gửi vẫn được giữ.',
    'http.serverTooOld': () => 'Máy chủ cũ hơn ứng dụng; hãy báo quản trị viên cập nhật máy chủ.',
    'http.requestTooLarge': () => 'Yêu cầu quá lớn; ứng dụng sẽ gửi thành nhiều phần nhỏ hơn.',
    'http.noSuchAddress': () => 'Không có địa chỉ này.',
    'http.queueOfOtherUser': () => 'Hàng đợi trên máy này thuộc về tài khoản khác. Đăng nhập bằng tài khoản đó để gửi.',
    'http.storageUnavailable': () => 'Máy chủ tạm thời không lưu được dữ liệu; ứng dụng sẽ tự gửi lại sau.',
    'http.serverError': () => 'Lỗi máy chủ; ứng dụng sẽ tự gửi lại sau.',
    // Relief (issue 11)
    'distribution.quantityPositive': () => 'Số lượng phải lớn hơn 0',
    'distribution.toWhom': () => 'Chọn hộ nhận',
    'distribution.receiptOrReason': () => 'Cần chữ ký, ảnh danh sách đã ký, hoặc ghi lý do không có',
    'distribution.followUpReceipt': () => 'Hộ chưa có trong sổ: cần chữ ký hoặc ảnh danh sách đã ký',
    'distribution.followUpIdentity': () => 'Hộ chưa có trong sổ: nhập CCCD của người nhận hoặc tên người làm chứng',
    'reject.handoutDamageMissing': () => 'Không tìm thấy hộ bị thiệt hại trong xã này',

    // Issue 11, search and lists / status and messages.
    'sync.noConnection': () =>
      'Không có kết nối tới máy chủ. Mọi dữ liệu đã nhập vẫn được lưu trên máy và sẽ tự gửi khi có mạng.',

    // Issue 11, device: a number as typed, in its unit (kg, VND, item, m2, count).
    'quantity.empty': (p) =>
      p.unit === 'VND'
        ? 'Nhập số tiền'
        : p.unit === 'm2'
          ? 'Nhập diện tích'
          : p.unit === 'count'
            ? 'Nhập một số (0 nếu không có)'
            : p.unit === 'coefficient'
              ? 'Nhập hệ số'
              : 'Nhập số lượng',
    'quantity.malformed': (p) =>
      p.unit === 'coefficient'
        ? 'Không đọc được hệ số này: chỉ nhập chữ số, phần lẻ sau dấu phẩy (ví dụ 1,5 hoặc 2)'
        : p.unit === 'kg' || p.unit === 'm2'
          ? `Không đọc được số này: chỉ nhập chữ số, phần lẻ sau dấu phẩy (ví dụ ${p.unit === 'kg' ? '1250 hoặc 12,5' : '24 hoặc 24,5'})`
          : p.unit === 'count'
            ? 'Không đọc được số này: chỉ nhập chữ số (ví dụ 3)'
            : `Không đọc được số này: chỉ nhập chữ số, hàng nghìn cách bằng dấu chấm (ví dụ ${p.unit === 'VND' ? '1.000.000' : '1.200'})`,
    'quantity.whole': (p) =>
      p.unit === 'VND'
        ? 'Số tiền là số nguyên đồng, không có phần lẻ; hàng nghìn cách bằng dấu chấm (ví dụ 1.000.000)'
        : p.unit === 'count'
          ? 'Phải là số nguyên, không có phần lẻ (ví dụ 3)'
          : 'Số lượng hàng là số nguyên, không có phần lẻ; hàng nghìn cách bằng dấu chấm (ví dụ 1.200)',
    'quantity.ambiguous': (p) =>
      `Không rõ "${p.text}" là ${p.thousands} hay ${p.decimal}: hãy viết ${p.thousands} hoặc ${p.decimal}`,
    'quantity.oneDecimal': (p) => `Chỉ ghi một chữ số sau dấu phẩy (ví dụ ${p.unit === 'm2' ? '24,5' : '2,5'})`,
    'quantity.tooLarge': () => 'Số quá lớn, không ghi được chính xác: hãy kiểm tra lại',
    // Issue 11, server checks.
    'reject.damageHouseholdMissing': () =>
      'Hộ gia đình được gắn với mục thiệt hại này không có trong xã (đã bị xóa hoặc thuộc xã khác); hãy đồng bộ lại rồi chọn lại hộ.',
    'reject.villageNotListed': (p) =>
      `Thôn “${p.village}” không có trong danh sách thôn của xã. Hãy đồng bộ lại, rồi chọn một thôn trong danh sách hoặc thêm thôn mới ở mục “Khác (ghi rõ)”.`,
    // Issue 13, the payer's returned list.
    'returns.tooLarge': (p) => `Tệp quá lớn (trên ${p.mb} MB).`,
    'returns.tooManyRows': (p) => `Tệp có quá nhiều dòng (trên ${Number(p.max).toLocaleString('vi-VN')} dòng).`,
    'returns.empty': () => 'Tệp không có dòng nào.',
    'returns.fileType': () => 'Chỉ nhận tệp XLSX hoặc CSV.',
    'returns.unreadable': () => 'Không đọc được tệp: tệp không phải XLSX hoặc CSV (UTF-8) hợp lệ.',
    'returns.missingColumn': (p) =>
      `Thiếu cột ${p.column === 'status' ? '“Đã nhận” (hoặc “Trạng thái”, “Kết quả”)' : p.column === 'amount' ? '“Số tiền”' : '“STT” (hoặc “Dòng”) hay “Số CCCD”'}.`,
    'returns.badLine': (p) => `Số dòng “${p.text}” không đọc được.`,
    'returns.badCitizenId': (p) => `Số CCCD “${p.text}” không đọc được (cần 12 chữ số).`,
    'returns.badStatus': (p) =>
      p.text
        ? `Trạng thái “${p.text}” không đọc được (ghi “đã nhận” hoặc “chưa nhận”).`
        : 'Chưa ghi đã nhận hay chưa nhận.',
    'returns.badAmount': (p) => `Số tiền “${p.text}” không đọc được.`,
    'returns.badDate': (p) => `Ngày “${p.text}” không đọc được (ghi dd/mm/yyyy).`,
    'returns.futureDate': (p) => `Ngày nhận ${p.date} chưa tới.`,
    'returns.lineUnknown': (p) => `Danh sách không có dòng ${p.line}.`,
    'returns.lineOtherPerson': (p) => `Số CCCD ${p.citizenId} không phải của người ở dòng ${p.line}.`,
    'returns.citizenIdNotListed': (p) => `Số CCCD ${p.citizenId} không có trong danh sách.`,
    'returns.citizenIdAmbiguous': (p) => `Số CCCD ${p.citizenId} có ở các dòng ${p.lines}: ghi số dòng.`,
    'returns.noLineOrCitizenId': () => 'Không có số dòng hay số CCCD.',
    'returns.lineReturnedAgain': (p) => `Dòng ${p.line} được trả về lần nữa ở dòng ${p.rows} của tệp.`,
    'returns.lineRepeats': (p) => `Dòng ${p.line} đã được trả về ở dòng ${p.row} của tệp.`,
    'returns.amountMissing': (p) => `Dòng ${p.line} đã nhận nhưng chưa ghi số tiền.`,
    'returns.amountDiffers': (p) =>
      `Dòng ${p.line}: số tiền đã chi ${Number(p.amount).toLocaleString('vi-VN')} đ khác số tiền của danh sách ${Number(p.total).toLocaleString('vi-VN')} đ.`,
  },
  labels: {
    headName: 'Họ tên chủ hộ',
    village: 'Thôn/tổ dân phố',
    address: 'Địa chỉ',
    notes: 'Ghi chú',
    fullName: 'Họ tên',
    round: 'Đợt cứu trợ',
    itemName: 'Tên hàng',
    recipient: 'Người nhận',
    relation: 'Quan hệ',
    reason: 'Lý do',
    description: 'Mô tả',
    damageVillage: 'Thôn',
    donor: 'Nhà tài trợ',
    roundName: 'Tên đợt',
    handedOutAt: 'Thời điểm phát',
    emergencyDate: 'Ngày xảy ra',
    assessedOn: 'Ngày đánh giá thiệt hại',
    roundDate: 'Ngày của đợt cứu trợ',
    reviewDate: 'Ngày rà soát',
    filedOn: 'Ngày nộp hồ sơ',
    proposedOn: 'Ngày đề nghị',
    eventOn: 'Ngày xảy ra',
    // Issue 11, data entry.
    birthDate: 'Ngày sinh',
    disabilityCertifiedOn: 'Ngày xác định mức độ khuyết tật',
    // Relief (issue 11)
    witness: 'Người làm chứng',
    noReceiptReason: 'Lý do không có chữ ký',
    // Issue 11, device names.
    deviceName: 'Tên máy này',
    issuedBy: 'Nơi cấp',
    livesWith: 'Sống cùng ai, ở đâu',
    certificateNo: 'Số giấy xác nhận',
    decisionNumber: 'Số quyết định',
    signer: 'Người ký',
    signedOn: 'Ngày ký',
  },
  roles: {
    collaborator: 'cộng tác viên',
    village_head: 'trưởng thôn',
    commune_officer: 'cán bộ xã',
    province_staff: 'cán bộ tỉnh',
    admin: 'quản trị hệ thống',
  },
  actions: {
    create: 'tạo',
    edit: 'sửa',
    delete: 'xóa',
    submit: 'gửi duyệt',
    decide: 'thẩm định hoặc phê duyệt',
    resolve: 'quyết định',
  },
  kinds: {
    household: 'hộ gia đình',
    member: 'thành viên',
    case: 'hồ sơ',
    emergency: 'sự kiện thiên tai',
    damage: 'thiệt hại của hộ',
    relief_round: 'đợt cứu trợ',
    distribution: 'phiếu phát',
    distribution_void: 'phiếu hủy',
    conflict: 'xung đột dữ liệu',
    duplicate: 'trường hợp trùng',
    village: 'thôn',
  },
  statuses: {
    draft: 'nháp',
    submitted: 'đã gửi',
    verified: 'đã thẩm định',
    posted: 'đang niêm yết',
    approved: 'đã phê duyệt',
    rejected: 'đã từ chối',
    returned: 'đã trả lại',
  },
  duplicateReasons: {
    'citizen-id': 'trùng số CCCD',
    'name-birth-year-village': 'trùng họ tên, năm sinh và thôn',
    'name-birth-year': 'trùng họ tên và năm sinh',
    'head-name-village': 'trùng họ tên chủ hộ và thôn',
  },
  storeErrors: {
    DataCloneError: 'dữ liệu có dạng trình duyệt không chép được',
    DataError: 'dữ liệu có khóa không hợp lệ',
    RangeError: 'dữ liệu lồng nhau quá sâu',
    unknown: 'lỗi không rõ',
  },
  number: (n) => n.toLocaleString('vi-VN'),
};

/** The workflow's commands as a refusal names them (never the code: "không thể verify"). */
const COMMANDS_VI: Record<string, string> = {
  submit: 'gửi',
  verify: 'ghi đối chiếu',
  post: 'niêm yết',
  approve: 'phê duyệt',
  reject: 'từ chối',
  return: 'trả lại',
};

/** A message in Vietnamese, exactly as the app and the server wrote it before message codes. */
export const formatVi = (m: Message | string): string => formatMessage(messagesVi, m);
