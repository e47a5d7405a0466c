// The "Số liệu chỉ tiêu" card of the report form (issue 4 §1): the figures an agency gives for the
// indicators it supplies. Merged into the app's dictionary (i18n.ts) with one spread per language;
// keys start with "ri." so they never collide. `reportIndicatorsEn` must have every key of the Vietnamese.

export const reportIndicatorsVi = {
  "ri.heading": "Số liệu chỉ tiêu",
  "ri.intro":
    "Đơn vị cung cấp số liệu các chỉ tiêu dưới đây cho kỳ {period}. Số liệu được đưa vào chuỗi số liệu chỉ tiêu khi cơ quan điều phối tiếp nhận báo cáo.",
  "ri.none": "Kỳ này đơn vị không cung cấp số liệu chỉ tiêu nào.",
  "ri.indicator": "Chỉ tiêu",
  "ri.unit": "Đơn vị tính",
  "ri.previous": "Kỳ trước ({period})",
  "ri.noPrevious": "Chưa có số liệu kỳ trước",
  "ri.value": "Giá trị",
  "ri.valuePlaceholder": "Ví dụ: 6.100,5",
  "ri.kind": "Loại số liệu",
  "ri.scope": "Phạm vi",
  "ri.comment": "Ghi chú",
  "ri.commentPlaceholder": "Giải thích khi số liệu thay đổi lớn so với kỳ trước",
  "ri.rule": "Thay đổi quá {pct}% so với kỳ trước cần ghi chú.",
  "ri.notANumber": "Giá trị phải là một số, viết kiểu Việt Nam (ví dụ 6.100,5).",
  "ri.notGiven": "Không có số liệu",
  "ri.frozen": "Số liệu chỉ tiêu",
  "ri.kind.estimate": "Ước thực hiện",
  "ri.kind.preliminary": "Sơ bộ",
  "ri.kind.official": "Chính thức",
  "ri.scope.pre": "Tuyên Quang (trước sáp nhập)",
  "ri.scope.merged": "Tuyên Quang (sau sáp nhập)",
} as const;

export const reportIndicatorsEn: Record<keyof typeof reportIndicatorsVi, string> = {
  "ri.heading": "Indicator figures",
  "ri.intro":
    "Your agency supplies the figures of the indicators below for {period}. They join the indicator series when the coordinator accepts the report.",
  "ri.none": "Your agency supplies no indicator figures in this report.",
  "ri.indicator": "Indicator",
  "ri.unit": "Unit",
  "ri.previous": "Previous period ({period})",
  "ri.noPrevious": "No figure for the previous period",
  "ri.value": "Value",
  "ri.valuePlaceholder": "e.g. 6.100,5 (Vietnamese writing)",
  "ri.kind": "Kind",
  "ri.scope": "Scope",
  "ri.comment": "Comment",
  "ri.commentPlaceholder": "Explain a large change from the previous period",
  "ri.rule": "A change of more than {pct}% from the previous period needs a comment.",
  "ri.notANumber": "The value must be a number, written the Vietnamese way (e.g. 6.100,5).",
  "ri.notGiven": "No figure",
  "ri.frozen": "Indicator figures",
  "ri.kind.estimate": "Estimate",
  "ri.kind.preliminary": "Preliminary",
  "ri.kind.official": "Official",
  "ri.scope.pre": "Tuyên Quang (pre-merger)",
  "ri.scope.merged": "Tuyên Quang (merged)",
};
