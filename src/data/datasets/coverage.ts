/**
 * The report's investment suggestions (核心观点, 投资建议): the A-share companies it suggests
 * watching, by segment of the AI value chain.
 */
import { REPORT_CITATION, textColumn } from "../columns";
import type { CellValue, Dataset } from "../types";

type Segment = [zh: string, en: string];
const LABELLING: Segment = ["数据标注", "Data labelling"];
const COMPUTE: Segment = ["算力", "Compute"];
const ALGORITHMS: Segment = ["算法", "Algorithms"];
const AIGC: Segment = ["AIGC", "AIGC"];

const row = ([segZh, segEn]: Segment, companyZh: string, companyEn: string, ticker: string, businessZh: string, businessEn: string): CellValue[] => [
  segZh,
  segEn,
  companyZh,
  companyEn,
  ticker,
  businessZh,
  businessEn,
];

export const coverage: Dataset = {
  id: "coverage",
  version: "1.0.0",
  shortTitle: { zh: "投资建议", en: "Coverage" },
  title: { zh: "投资建议: 建议关注公司", en: "Investment suggestions: companies to watch" },
  description:
    "The 14 A-share companies the report suggests watching, by segment (data labelling, compute, " +
    "algorithms, AIGC), with tickers and a short description of each company's main business.",
  source: [{ text: `${REPORT_CITATION}, 核心观点: 投资建议` }, { text: "Tickers: Shanghai and Shenzhen stock exchange listings" }],
  asOf: "2023-02",
  notes: [
    "Companies and segments are the report's, in the report's order.",
    'The report writes "格林深瞳"; the company is 格灵深瞳 (DeepGlint, 688207.SH), as the report\'s own 图29 title spells it.',
    "main_business is our short summary of each company's main business, not the report's text.",
    'The heading is extracted as "投資建议" (a traditional 資); the report\'s heading is 投资建议.',
    "This is the report's list of companies to watch, not a rating or a recommendation of this add-in.",
  ],
  columns: [
    textColumn("segment_zh", "领域", "Segment (Chinese)"),
    textColumn("segment_en", "领域 (英文)", "Segment"),
    textColumn("company_zh", "公司", "Company (Chinese)"),
    textColumn("company_en", "公司 (英文)", "Company"),
    textColumn("ticker", "股票代码", "Ticker", "A-share code with exchange suffix (.SH Shanghai, .SZ Shenzhen)"),
    textColumn("main_business_zh", "主营业务", "Main business (Chinese)"),
    textColumn("main_business_en", "主营业务 (英文)", "Main business"),
  ],
  key: "ticker", // the first column is the segment, which repeats
  rows: [
    row(
      LABELLING,
      "海天瑞声",
      "SpeechOcean (Haitian Ruisheng)",
      "688787.SH",
      "AI 训练数据服务: 语音、计算机视觉、自然语言数据",
      "AI training data: speech, computer-vision and natural-language datasets"
    ),
    row(
      COMPUTE,
      "海光信息",
      "Hygon Information Technology",
      "688041.SH",
      "高端处理器: 海光 CPU 与 DCU (深度计算处理器)",
      "High-end processors: x86 CPUs and DCU accelerators"
    ),
    row(
      COMPUTE,
      "龙芯中科",
      "Loongson Technology",
      "688047.SH",
      "基于自主指令集 (LoongArch) 的 CPU 及配套芯片",
      "CPUs on its own LoongArch instruction set, and supporting chips"
    ),
    row(COMPUTE, "浪潮信息", "Inspur Electronic Information", "000977.SZ", "服务器, 中国 AI 服务器市场龙头", "Servers; the leading AI server vendor in China"),
    row(
      COMPUTE,
      "中科曙光",
      "Sugon (Dawning Information Industry)",
      "603019.SH",
      "高性能计算机、服务器、存储与数据中心基础设施",
      "High-performance computers, servers, storage and data-centre infrastructure"
    ),
    row(
      COMPUTE,
      "宝信软件",
      "Shanghai Baosight Software",
      "600845.SH",
      "工业软件与信息系统基础设施服务 (IDC 数据中心)",
      "Industrial software and IT infrastructure services (data centres)"
    ),
    row(COMPUTE, "景嘉微", "Changsha Jingjia Microelectronics", "300474.SZ", "图形处理芯片 (GPU) 与图形显控", "GPUs and graphics display-control products"),
    row(ALGORITHMS, "科大讯飞", "iFLYTEK", "002230.SZ", "智能语音与人工智能应用", "Speech and AI applications"),
    row(
      ALGORITHMS,
      "云从科技",
      "CloudWalk Technology",
      "688327.SH",
      "人机协同操作系统与人工智能解决方案",
      "Human-machine collaboration platform and AI solutions"
    ),
    row(ALGORITHMS, "格灵深瞳", "DeepGlint", "688207.SH", "计算机视觉 (3D 视觉) 与人工智能解决方案", "Computer vision (3D vision) and AI solutions"),
    row(ALGORITHMS, "海康威视", "Hikvision", "002415.SZ", "视频安防与智能物联 (AIoT)", "Video security and AIoT"),
    row(ALGORITHMS, "大华股份", "Dahua Technology", "002236.SZ", "以视频为核心的智慧物联", "Video-centric AIoT"),
    row(
      ALGORITHMS,
      "奥普特",
      "OPT Machine Vision",
      "688686.SH",
      "机器视觉核心部件: 光源、镜头、相机与软件",
      "Machine-vision components: lighting, lenses, cameras and software"
    ),
    row(
      AIGC,
      "万兴科技",
      "Wondershare Technology",
      "300624.SZ",
      "数字创意软件 (视频、绘图、文档) 与 AIGC",
      "Creative software (video, drawing, documents) and AIGC"
    ),
  ],
};
