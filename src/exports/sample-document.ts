/**
 * A realistic sample for the writers' tests (and for other helpers' tests): the Sở Công Thương
 * Tuyên Quang's report on the Industrial Development Plan 2021–2025 for the first quarter of 2022
 * — two to three pages of prose, then the annex table of the plan's 54 tasks (61 rows with the
 * seven group rows). The task rows are the plan's own (data/plans/tuyen-quang-cong-nghiep-2021-2025.txt,
 * Phụ lục 2, long contents shortened); the results are made up, in the words agencies use.
 */
import type { Block, Cell, OfficialDocument } from "../domain/official-document.ts";

/** code|content|lead agency|deadline — a row without a lead agency is a group row. */
const TASKS = `
  1|Công tác thông tin, tuyên truyền|Sở Thông tin và Truyền thông|Thường xuyên
  2|Về cơ chế, chính sách phát triển công nghiệp||
  2.1|Tiếp tục thực hiện hiệu quả các cơ chế, chính sách hỗ trợ đã có của Trung ương và địa phương|Sở Công Thương|Thường xuyên
  2.2|Rà soát, hoàn thiện, bổ sung, điều chỉnh các chính sách về khuyến công, khuyến khích phát triển tiêu thủ công nghiệp|Sở Công Thương|Trình UBND tỉnh trong Quý I/2022
  2.3|Xây dựng, ban hành các chính sách về thu hút các nhà đầu tư đầu tư xây dựng và kinh doanh kết cấu hạ tầng khu, cụm công nghiệp trên địa bàn tỉnh Tuyên Quang|Ban Quản lý các khu Công nghiệp|Trình UBND tỉnh trong Quý I/2022
  2.4|Xây dựng, ban hành Chính sách thu hút đầu tư vào những ngành công nghiệp có tiềm năng, lợi thế, giá trị kinh tế cao: chế biến nông lâm sản; công nghiệp phụ trợ, điện tử; …|Sở Công Thương|Trình UBND tỉnh trong Quý I/2022
  2.5|Rà soát, đề nghị Trung ương điều chỉnh, bổ sung các cơ chế, chính sách để phù hợp với tình hình thực tế của tỉnh, tạo môi trường đầu tư, sản xuất, kinh doanh trong lĩnh …|Sở Công Thương|Trình UBND tỉnh trong Quý I/2022
  2.6|Xây dựng, tổ chức thực hiện có hiệu quả Đề án nâng cao chất lượng môi trường kinh doanh, tạo điều kiện thuận lợi nhất về đất đai, giải quyết thủ tục hành chính, phát …|Sở Kế hoạch và Đầu tư|Trình UBND tỉnh trong Quý I/2022
  2.7|Hoàn thành khoanh vùng, tích hợp vào Quy hoạch tỉnh và triển khai xây dựng Quy hoạch các vùng nguyên liệu tập trung: chè, cam, mía, gỗ rừng trồng; các vùng nguyên liệu …|Sở Kế hoạch và Đầu tư|Tích hợp QH tỉnh trong Quý I/2022. Xây dựng quy hoạch các vùng nguyên liệu trong Quý III/2022
  2.8|Xây dựng cơ chế, chính sách hỗ trợ liên kết giữa người sản xuất nguyên liệu với nhà máy chế biến và tiêu thụ sản phẩm, tạo thành chuỗi liên kết chặt chẽ, hiệu quả, bền …|Sở Nông nghiệp và Phát triển nông thôn|Trình UBND tỉnh trong Quý I/2022
  3|Huy động nguồn lực đầu tư, xây dựng hệ thống hạ tầng kỹ thuật, hạ tầng xã hội đáp ứng yêu cầu phát triển công nghiệp; ưu tiên đầu tư hạ tầng tại các khu, cụm công nghiệp||
  3.1|Hoàn thành quy hoạch, thành lập mới 03 Khu công nghiệp, gồm: (1) Khu công nghiệp Nam Sơn Dương, (2) Khu công nghiệp Tam Đa thuộc huyện Sơn Dương và (3) Khu công nghiệp …|Ban Quản lý các khu công nghiệp tỉnh|Trình UBND tỉnh Quy hoạch trong tháng 8/2022
  3.2|Thành lập mới 07 cụm công nghiệp, gồm: (1) Cụm công nghiệp Ninh Lai - Thiện Kế, (2) Cụm công nghiệp Tam Đa (3) Cụm công nghiệp Phúc Ứng 2, huyện Sơn Dương; (4) Cụm công …|Sở Công Thương|Trình UBND tỉnh trong Quý I/2022 (4 cụm) và Quý II/2022 (3 cụm)
  3.3|Triển khai thực hiện hiệu quả Kế hoạch đầu tư công trung hạn vốn ngân sách nhà nước giai đoạn 2021-2025|Sở Kế hoạch và Đầu tư|Thường xuyên
  3.4|Kế hoạch thực hiện Đề án phát triển kết cấu hạ tầng giao thông, đô thị động lực và hạ tầng công nghệ thông tin trên địa bàn tỉnh|Sở Giao thông|Trình UBND tỉnh KH trong Quý IV/2021
  3.5|Xây dựng, triển khai Dự án cấp điện nông thôn tỉnh Tuyên Quang giai đoạn 2021-2025|Sở Công Thương|Trình UBND tỉnh Dự án trong Quý I/2022
  3.6|Xây dựng Kế hoạch sử dụng nguồn lực Quỹ phát triển đất để tạo quỹ đất sạch, xây dựng hạ tầng các khu, cụm công nghiệp thúc đẩy thu hút đầu tư, phát triển công nghiệp của …|Sở Tài nguyên và Môi trường|Trình UBND tỉnh KH trong Quý I/2022
  4|Đẩy mạnh phát triển các ngành công nghiệp có tiềm năng, lợi thế; thu hút các nhà đầu tư vào lĩnh vực công nghiệp, nhất là công nghiệp chế biến, công nghiệp phụ trợ; đẩy …||
  4.1|Rà soát, điều chỉnh, xây dựng Kế hoạch cơ cấu lại các ngành công nghiệp hiện có|Sở Công Thương|Trình UBND tỉnh trong Quý I/2022
  4.2|Xây dựng Kế hoạch thường xuyên kiểm tra, đôn đốc, rà soát, đánh giá tình hình phát triển các khu, cụm công nghiệp hàng năm|Sở Công Thương|Hàng năm
  4.3|Xây dựng kế hoạch cụ thể và đẩy nhanh tiến độ thực hiện, sớm hoàn thành, đi vào sản xuất đối với các dự án sản xuất công nghiệp đã có chủ trương đầu tư|Sở Công Thương|Hàng năm
  4.4|Xây dựng Kế hoạch tập trung phát triển công nghiệp chế biến nông, lâm, thủy sản, dược liệu (xác định cụ thể giá trị sản xuất đến năm 2025) đi đôi với phát triển vùng …|Sở Công Thương|Trình UBND tỉnh trong Quý II/2022
  4.5|Xây dựng Kế hoạch phát triển các ngành công nghiệp hỗ trợ sản xuất nông nghiệp (xác định các ngành cụ thể, giá trị sản xuất đến năm 2025)|Sở Công Thương|Trình UBND tỉnh trong Quý III/2022
  4.6|Xây dựng, tổ chức thực hiện hiệu quả Đề án thu hút đầu tư trên địa bàn tỉnh Tuyên Quang giai đoạn 2021-2025|Sở Kế hoạch và Đầu tư|Trình UBND tỉnh trong Quý I/2022
  4.7|Xây dựng Dự án phát triển và nâng cấp hệ thống lưới điện trong toàn tỉnh, Phân đầu 100% thôn, bản có điện lưới quốc gia|Sở Công Thương|Trình UBND tỉnh Dự án trong Quý I/2022
  4.8|Đẩy nhanh tiến độ đầu tư xây dựng, sớm hoàn thành, đưa vào khai thác các dự án thủy điện đã có chủ trương đầu tư. Đảm bảo tốc độ tăng trưởng sản lượng điện trên 12%/năm|Sở Công Thương|Thường xuyên
  4.9|Đa dạng hình thức, giải pháp thu hút từ các nước có thể mạnh về nguồn lực, công nghệ tiên tiến, hiện đại để phát triển nguồn năng lượng: Thủy điện, năng lượng sinh khối, …|Sở Công Thương|Thường xuyên
  4.10|Đánh giá trữ lượng của nước mặt và nước ngầm để quy hoạch khai thác, sử dụng đảm bảo đúng quy trình kỹ thuật, hợp lý, hiệu quả và tiết kiệm|Sở Tài nguyên và Môi trường|Trình UBND tỉnh trong Quý I/2022
  4.11|Thực hiện chương trình nước sạch quốc gia, hỗ trợ cung cấp nước sạch cho khu vực nông thôn, vùng sâu, vùng xa, người nghèo|Sở Nông nghiệp và Phát triển nông thôn|Hàng năm
  4.12|Rà soát, đánh giá lại công tác quản lý, kinh doanh nước sạch, đảm bảo chất lượng, hiệu quả, tránh lãng phí tài nguyên|Sở Xây dựng|Hàng năm
  4.13|Triển khai thực hiện hiệu quả các cơ chế, chính sách khuyến khích phát triển sản xuất, kinh doanh các ngành nghề công nghiệp, tiểu thủ công nghiệp|Sở Công Thương|Thường xuyên
  5|Tập trung phát triển nguồn nhân lực chất lượng cao, lao động có kỹ năng đáp ứng yêu cầu phát triển||
  5.1|Triển khai thực hiện Đề án phát triển nguồn nhân lực tỉnh Tuyên Quang giai đoạn 2021-2025, định hướng đến năm 2030|Sở Kế hoạch và Đầu tư|Thường xuyên
  5.2|Phát triển, nâng cao chất lượng hoạt động mạng lưới cơ sở giáo dục nghề nghiệp; đẩy mạnh công tác xã hội hóa giáo dục nghề nghiệp, khuyến khích khu vực tư nhân và các …|Sở Lao động Thương binh và Xã hội|Thường xuyên
  5.3|Triển khai thực hiện hiệu quả Kế hoạch giáo dục nghề nghiệp - việc làm tỉnh Tuyên Quang giai đoạn 2021 – 2025|Sở Lao động Thương binh và Xã hội|Thường xuyên
  5.4|Rà soát, điều chỉnh, bổ sung, xây dựng các chính sách, biện pháp quản lý bảo đảm phúc lợi xã hội cho cán bộ, công nhân làm việc tại các khu, cụm công nghiệp|Sở Lao động Thương binh và Xã hội|Trình UBND tỉnh trong Quý III/2022
  5.5|Xây dựng, tổ chức thực hiện chính sách thu hút và sử dụng nhân lực có trình độ, năng lực chuyên môn cao, có đổi mới sáng tạo, nhất là đội ngũ chuyên gia, các nghệ nhân …|Sở Công Thương|Trình UBND tỉnh trong Quý IV/2022
  6|Đẩy mạnh ứng dụng và chuyển giao khoa học công nghệ; chú trọng liên kết vùng và hợp tác quốc tế để phát triển công nghiệp||
  6.1|Lựa chọn, tổ chức thực hiện các chương trình, đề tài, dự án khoa học và công nghệ chất lượng, thiết thực trong lĩnh vực công nghiệp|Sở Khoa học và Công nghệ|Thường xuyên
  6.2|Nghiên cứu xây dựng cơ chế, chính sách hỗ trợ, khuyến khích các tổ chức, cá nhân, nhất là các doanh nghiệp có năng lực đầu tư nghiên cứu, phát triển, chuyển giao công …|Sở Khoa học và Công nghệ|Trình UBND tỉnh trong Quý II/2022
  6.3|Xây dựng chính sách hợp tác công - tư trong việc triển khai các dự án nghiên cứu, phát triển và đổi mới công nghệ|Sở Công Thương|Trình UBND tỉnh trong Quý IV/2022
  6.4|Thực hiện nghiêm các quy định về bảo hộ và thực thi quyền sở hữu trí tuệ|Sở Khoa học và Công nghệ|Thường xuyên
  6.5|Xây dựng và tổ chức thực hiện Chương trình hỗ trợ tổ chức, doanh nghiệp hoạt động chuyển giao, đổi mới công nghệ phát triển thị trường công nghệ trên địa bàn tỉnh Tuyên …|Sở Khoa học và Công nghệ|Trình UBND tỉnh trong Quý III/2022
  7|Đổi mới, nâng cao hiệu quả công tác xúc tiến đầu tư và thị trường||
  7.1|Xây dựng và triển khai thực hiện Chương trình xúc tiến đầu tư giai đoạn 2021-2025|Trung tâm xúc tiến đầu tư|Trình UBND tỉnh trong Quý I/2022
  7.2|Tích cực tham gia hợp tác rộng, liên kết sâu trong quy hoạch phát triển ngành công nghiệp và quy hoạch vùng, lãnh thổ (xây dựng chương trình hợp tác, liên kết với các …|Sở Công Thương|Trình UBND tỉnh trong Quý II/2022
  7.3|Triển khai xây dựng sàn giao dịch thương mại điện tử tỉnh Tuyên Quang|Sở Công Thương|Trình UBND tỉnh trong Quý III/2022
  7.4|Xây dựng và tổ chức thực hiện Kế hoạch Phát triển thương mại điện tử tỉnh Tuyên Quang giai đoạn 2021 - 2025|Sở Công Thương|Trình UBND tỉnh trong Quý I/2022
  7.5|Xây dựng ít nhất 01 Trung tâm Logistic tại tỉnh Tuyên Quang|Sở Công Thương|Trình UBND tỉnh trong Quý II/2022
  7.6|Xây dựng Kế hoạch và tổ chức thực hiện hiệu quả Quyết định số 194/QĐ-TTg ngày 09/02/2021 của Thủ tướng Chính phủ về việc phê duyệt Đề án đổi mới phương thức kinh doanh …|Sở Công Thương|Trình UBND tỉnh trong Quý IV/2021
  8|Nâng cao hiệu quả quản lý nhà nước, cải cách hành chính, cải thiện môi trường đầu tư kinh doanh||
  8.1|Nâng cao hiệu lực, hiệu quả quản lý Nhà nước và tổ chức thực hiện các giải pháp về phát triển công nghiệp của chính quyền, cơ quan, đơn vị|Sở Công Thương|Thường xuyên
  8.2|Xây dựng Quy chế quản lý các cụm công nghiệp; Quy chế quản lý hoạt động kinh doanh cơ sở hạ tầng khu, cụm công nghiệp trên địa bàn tỉnh|Sở Công Thương|Trình UBND tỉnh Quý II/2022
  8.3|Đẩy mạnh phân cấp quản lý nhà nước, bảo đảm quản lý tập trung, thống nhất, thông suốt, hiệu quả cao trong quản lý nhà nước và phát triển công nghiệp của tỉnh|Sở Nội vụ|Thường xuyên
  8.4|Xây dựng và tổ chức thực hiện hiệu quả Trung tâm phục vụ hành chính công tỉnh Tuyên Quang. Đẩy mạnh cải cách hành chính, phấn đấu giải quyết thủ tục hành chính theo dịch …|Văn phòng UBND tỉnh|Thường xuyên
  8.5|Duy trì đối thoại định kỳ giữa doanh nghiệp với cơ quan hành chính nhà nước và thực hiện tốt quy chế phối hợp để kịp thời giải quyết những khó khăn, vướng mắc cho nhà …|Sở Kế hoạch và Đầu tư|Thường xuyên
  8.6|Xây dựng, triển khai thực hiện Kế hoạch hành động nâng cao năng lực cạnh tranh (PCI) tỉnh Tuyên Quang giai đoạn 2022 – 2025|Sở Kế hoạch và Đầu tư|Trình UBND tỉnh Quý I/2022
  8.7|Tổ chức thực hiện có hiệu quả Chương trình “Cà phê doanh nhân” hàng tháng|Trung tâm xúc tiến đầu tư|Hàng tháng
  8.8|Xây dựng, tổ chức thực hiện Chương trình hoạt động đối ngoại hàng năm. Thực hiện hiệu quả hoạt động đối ngoại để thu hút đầu tư và mở rộng thị trường tiêu thụ sản phẩm …|Sở Ngoại vụ|Thường xuyên
  8.9|Tăng cường kiểm tra, giám sát, chấn chỉnh công tác quản lý Nhà nước về lĩnh vực công nghiệp, nhất là về đất đai, đầu tư, xây dựng, bảo vệ môi trường,... kiên quyết xử …|Sở Công Thương|Thường xuyên
  8.10|Chú trọng làm tốt công tác biểu dương, khen thưởng, tôn vinh các cá nhân, tổ chức, doanh nghiệp có thành tích, đóng góp cho phát triển công nghiệp của tỉnh|Sở Nội vụ|Thường xuyên
`;

const RESULTS = [
  ["Đã triển khai; đã ban hành văn bản hướng dẫn các huyện, thành phố", "Hoàn thành"],
  ["Đang dự thảo, lấy ý kiến các sở, ngành và UBND huyện, thành phố", "Đang thực hiện"],
  ["Chưa triển khai do chờ hướng dẫn của bộ, ngành Trung ương", "Chậm tiến độ"],
  ["Đã trình UBND tỉnh tại Tờ trình số 27/TTr-SCT ngày 15/3/2022", "Hoàn thành"],
  ["Thực hiện thường xuyên; lũy kế 27.700 lượt người được tuyên truyền", "Đang thực hiện"],
] as const;

/** The annex rows: group rows bold, task rows with a made-up result (every fifth task late). */
export function sampleTaskRows(): Cell[][] {
  const rows: Cell[][] = [];
  let n = 0;
  for (const line of TASKS.trim().split("\n")) {
    const [code = "", content = "", lead = "", deadline = ""] = line.trim().split("|");
    if (lead === "") {
      rows.push([{ text: code, bold: true, align: "center" }, { text: content, bold: true }, "", "", "", ""]);
      continue;
    }
    const [result, status] = RESULTS[n % RESULTS.length] ?? RESULTS[0];
    n++;
    rows.push([
      { text: code, align: "center" },
      content,
      lead,
      deadline,
      result,
      { text: status, align: "center" },
    ]);
  }
  return rows;
}

const P = (text: string, section?: string): Block => ({ kind: "paragraph", runs: [{ text }], section });

/** The body prose: long enough for two to three pages before the annex. */
function reportBody(): Block[] {
  return [
    P(
      "Thực hiện Kế hoạch số 72/KH-UBND ngày 15/6/2021 của Ủy ban nhân dân tỉnh về phát triển công nghiệp tỉnh Tuyên Quang giai đoạn 2021 - 2025; căn cứ báo cáo của các sở, ban, ngành và Ủy ban nhân dân các huyện, thành phố, Sở Công Thương báo cáo kết quả thực hiện quý I năm 2022 như sau:",
      "intro",
    ),
    { kind: "heading", level: 1, text: "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU" },
    P(
      "Giá trị sản xuất công nghiệp (theo giá so sánh năm 2010) quý I năm 2022 ước đạt 4.381,5 tỷ đồng, tăng 14,9% so với cùng kỳ năm 2021, đạt 22,6% kế hoạch năm. Một số sản phẩm chủ yếu tăng khá so với cùng kỳ: giấy các loại, bột giấy, điện sản xuất, xi măng, quần áo may sẵn, chè chế biến.",
      "indicators",
    ),
    {
      kind: "bullet",
      runs: [
        { text: "Tỷ trọng công nghiệp - xây dựng trong cơ cấu kinh tế: ước đạt 31,2%; " },
        { text: "mục tiêu năm 2025: 35%", italic: true },
        { text: "." },
      ],
    },
    {
      kind: "bullet",
      runs: [{ text: "Tỷ lệ lấp đầy bình quân các khu công nghiệp: 62,4%; các cụm công nghiệp: 48,7%." }],
    },
    {
      kind: "bullet",
      runs: [
        {
          text: "Lao động làm việc trong các khu, cụm công nghiệp: 27.700 người, tăng 1.250 người so với cuối năm 2021.",
        },
      ],
    },
    { kind: "heading", level: 1, text: "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP" },
    { kind: "heading", level: 2, text: "1. Về cơ chế, chính sách phát triển công nghiệp" },
    P(
      "Sở Công Thương đã tham mưu Ủy ban nhân dân tỉnh ban hành Quyết định sửa đổi, bổ sung Quy chế quản lý cụm công nghiệp trên địa bàn tỉnh; hoàn thiện dự thảo Nghị quyết quy định chính sách khuyến công, khuyến khích phát triển tiểu thủ công nghiệp, trình Hội đồng nhân dân tỉnh tại kỳ họp giữa năm. Ban Quản lý các khu công nghiệp phối hợp với Sở Kế hoạch và Đầu tư xây dựng chính sách thu hút nhà đầu tư hạ tầng khu, cụm công nghiệp.",
      "policies",
    ),
    { kind: "heading", level: 2, text: "2. Về huy động nguồn lực đầu tư hạ tầng" },
    P(
      "Tập trung giải phóng mặt bằng Khu công nghiệp Long Bình An (giai đoạn mở rộng) với diện tích 165,5 ha; hoàn thành điều chỉnh quy hoạch chi tiết Cụm công nghiệp Sơn Nam, Cụm công nghiệp Đồng Thắm. Dự án cấp điện nông thôn tỉnh Tuyên Quang giai đoạn 2021 - 2025 đã được phê duyệt chủ trương đầu tư; các huyện đang rà soát danh mục các thôn, bản chưa có điện lưới quốc gia.",
      "infrastructure",
    ),
    { kind: "heading", level: 3, text: "a) Khó khăn, vướng mắc" },
    P(
      "Công tác bồi thường, giải phóng mặt bằng còn chậm; giá vật liệu xây dựng tăng cao làm ảnh hưởng đến tiến độ các dự án đầu tư hạ tầng; một số nhà đầu tư thứ cấp chưa đáp ứng năng lực tài chính theo cam kết. Việc thu hút đầu tư vào các cụm công nghiệp ở các huyện phía Bắc còn hạn chế do hạ tầng giao thông kết nối chưa đồng bộ.",
      "difficulties",
    ),
    { kind: "heading", level: 2, text: "3. Về xúc tiến đầu tư, thương mại" },
    P(
      "Tổ chức thành công Hội nghị xúc tiến đầu tư tỉnh Tuyên Quang năm 2022; trao quyết định chủ trương đầu tư cho 07 dự án với tổng vốn đăng ký 3.250 tỷ đồng, trong đó có 04 dự án sản xuất công nghiệp. Sàn giao dịch thương mại điện tử tỉnh đã có 312 doanh nghiệp, hợp tác xã tham gia với 1.045 sản phẩm.",
      "promotion",
    ),
    { kind: "heading", level: 1, text: "III. NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2022" },
    P(
      "Tiếp tục đôn đốc các sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố triển khai các nhiệm vụ được giao tại Kế hoạch; tập trung tháo gỡ khó khăn cho các dự án công nghiệp trọng điểm, sớm đưa vào sản xuất; đẩy nhanh tiến độ thành lập mới các cụm công nghiệp theo quy hoạch; nâng cao chất lượng công tác khuyến công và xúc tiến thương mại.",
      "next",
    ),
    P(
      "Sở Công Thương kính báo cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo. Kết quả thực hiện từng nhiệm vụ có Phụ lục kèm theo.",
      "closing",
    ),
    { kind: "pageBreak" },
    {
      kind: "table",
      title: "PHỤ LỤC: KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ QUÝ I NĂM 2022",
      subtitle: "(Kèm theo Báo cáo số 15/BC-SCT ngày 05/4/2022 của Sở Công Thương)",
      sheet: "Nhiệm vụ quý I-2022",
      numberRow: true,
      columns: [
        { header: "STT", width: 6, align: "center" },
        { header: "Nội dung nhiệm vụ", width: 29 },
        { header: "Cơ quan chủ trì", width: 14 },
        { header: "Thời gian thực hiện", width: 13 },
        { header: "Kết quả thực hiện", width: 24 },
        { header: "Tình trạng", width: 11, align: "center" },
      ],
      rows: sampleTaskRows(),
    },
  ];
}

/** The finalised quarterly report of 05/04/2022 (number and date filled in). */
export function sampleReport(overrides: Partial<OfficialDocument> = {}): OfficialDocument {
  return {
    kind: "periodic",
    orientation: "portrait",
    issuerParent: "UBND TỈNH TUYÊN QUANG",
    issuer: "SỞ CÔNG THƯƠNG",
    number: "Số: 15/BC-SCT",
    place: "Tuyên Quang",
    date: "2022-04-05",
    title: "BÁO CÁO",
    summary:
      "Kết quả thực hiện Kế hoạch phát triển công nghiệp tỉnh Tuyên Quang giai đoạn 2021 - 2025, quý I năm 2022",
    body: reportBody(),
    recipients: [
      "UBND tỉnh (báo cáo)",
      "Bộ Công Thương (báo cáo)",
      "Các sở, ban, ngành",
      "UBND các huyện, thành phố",
      "Lãnh đạo Sở",
      "Lưu: VT, QLCN",
    ],
    signature: { lines: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], name: "Nguyễn Văn Hùng" },
    closingMark: true,
    meta: { planId: 1, period: "2022-Q1", builtAt: "2022-04-05T02:30:00.000Z", language: "vi" },
    ...overrides,
  };
}

/** An urging letter (công văn) with an excerpt and addressees, a draft (no number, no date). */
export function sampleLetter(): OfficialDocument {
  return {
    kind: "urging",
    orientation: "portrait",
    issuerParent: "UBND TỈNH TUYÊN QUANG",
    issuer: "SỞ CÔNG THƯƠNG",
    number: "Số:       /SCT-QLCN",
    place: "Tuyên Quang",
    date: null,
    excerpt: "V/v đôn đốc báo cáo kết quả thực hiện Kế hoạch phát triển công nghiệp quý I năm 2022",
    addressees: ["Sở Kế hoạch và Đầu tư;", "Ban Quản lý các khu công nghiệp tỉnh."],
    body: [
      P(
        "Thực hiện Kế hoạch số 72/KH-UBND ngày 15/6/2021 của Ủy ban nhân dân tỉnh, đến ngày 05/4/2022 Sở Công Thương chưa nhận được báo cáo quý I năm 2022 của Quý cơ quan. Đề nghị Quý cơ quan gửi báo cáo trước ngày 08/4/2022 để Sở tổng hợp, báo cáo Ủy ban nhân dân tỉnh.",
      ),
    ],
    recipients: ["Như trên", "Lưu: VT, QLCN"],
    signature: { lines: ["GIÁM ĐỐC"], name: "" },
    closingMark: true,
    meta: { planId: 1, period: "2022-Q1", builtAt: "2022-04-05T09:15:00.000Z", language: "vi" },
  };
}
