/**
 * 图9: recent moves of large tech companies in answer to ChatGPT, as listed in the report,
 * with an English translation of each event and its expected impact.
 */
import { column, FORMAT, REPORT_CITATION, textColumn } from "../columns";
import type { Dataset } from "../types";

export const techMoves: Dataset = {
  id: "tech-moves",
  version: "1.0.0",
  shortTitle: { zh: "科技巨头动向", en: "Tech majors' moves" },
  title: { zh: "国内外科技巨头近期动向", en: "Recent moves of tech majors in China and abroad" },
  description:
    "The report's 图9: what Microsoft, Google, Baidu, 360, Tencent and Alibaba announced in " +
    "January and February 2023 in response to ChatGPT, and the report's view of each move's impact.",
  source: [
    { text: "数据来源: 各公司官网, 搜狐科技, 企查查, 中国新闻网, 三六零公告, 财通证券研究所" },
    { text: `${REPORT_CITATION}, 图9` },
  ],
  asOf: "2023-02",
  notes: [
    "Dates are the report's (China time). date is blank where the report gives only a month (Google, \"2023. 01\"); month is always filled so the table sorts by it.",
    "The Chinese text is the report's, word for word. Lines the PDF broke inside a cell are joined directly, with one space where an ASCII letter or digit meets a Chinese character (the report's own spacing, e.g. \"搜索引擎 Bing\"). The English is our translation.",
    "PDF extraction fix: spaces inside dates removed (\"2023. 01. 25\" → 2023-01-25).",
    "PDF extraction fix: the last row's second line reads \"1111  2023. 02. 00\"; \"1111\" is a stray glyph run in the company column and \"2023. 02. 00\" a garbled repeat of the row's date (2023-02-08); both are dropped.",
    "\"拉里•佩奇和谢尔盖•布林\": the bullet \"•\" (U+2022) is written as the middle dot \"·\" (U+00B7) used in transliterated names.",
    "\"谷歌首席表示\" is the report's wording (presumably 首席执行官, the CEO); translated as \"Google's chief executive\".",
    "The report's company cells are merged over each company's rows; here every row carries its company.",
  ],
  columns: [
    textColumn("company_zh", "公司", "Company (Chinese)"),
    textColumn("company_en", "公司 (英文)", "Company"),
    column("date", "时间", "Date", "date", "", FORMAT.date, "Blank where the report gives only the month"),
    column("month", "月份", "Month", "month", "", FORMAT.month),
    textColumn("event_zh", "事件", "Event (Chinese)"),
    textColumn("event_en", "事件 (英文)", "Event"),
    textColumn("impact_zh", "影响", "Impact (Chinese)"),
    textColumn("impact_en", "影响 (英文)", "Impact"),
  ],
  rows: [
    [
      "微软", "Microsoft", "2023-01-25", "2023-01",
      "未来将追加投资 OpenAI 数十亿美元",
      "Will invest billions of dollars more in OpenAI",
      "进一步巩固在 AI 大模型方面的领先优势",
      "Further consolidates its lead in large AI models",
    ],
    [
      "微软", "Microsoft", "2023-02-07", "2023-02",
      "宣布推出搭载了AI 技术的搜索引擎 Bing(必应)和浏览器 Edge,新版本中引入了 OpenAI 旗下 ChatGPT 的相关技术",
      "Announced AI-powered versions of the Bing search engine and the Edge browser, bringing in technology related to OpenAI's ChatGPT",
      "加速 ChatGPT 商业化落地",
      "Speeds up the commercial roll-out of ChatGPT",
    ],
    [
      "谷歌", "Google", null, "2023-01",
      "谷歌召回创始人拉里·佩奇和谢尔盖·布林,就 ChatGPT 的猛烈攻势,召开多次高层会议",
      "Google called back its founders Larry Page and Sergey Brin and held several senior-level meetings on the fierce challenge from ChatGPT",
      "彰显出 ChatGPT 对行业的巨大影响",
      "Shows ChatGPT's great impact on the industry",
    ],
    [
      "谷歌", "Google", "2023-02-04", "2023-02",
      "谷歌宣布向人工智能初创公司 Anthropic 投资 3 亿美元",
      "Google announced a USD 300 million investment in the AI start-up Anthropic",
      "提升其在 AI 大模型技术方面的技术积淀",
      "Strengthens its technical base in large AI models",
    ],
    [
      "谷歌", "Google", "2023-02-07", "2023-02",
      "谷歌首席表示正在开发一项名为 Bard 的对话式人工智能服务项目,对标 ChatGPT",
      "Google's chief executive said it is developing a conversational AI service called Bard, to rival ChatGPT",
      "正式应对 ChatGPT 带来的挑战",
      "A formal answer to the challenge posed by ChatGPT",
    ],
    [
      "百度", "Baidu", "2023-02-07", "2023-02",
      "百度正式宣布大模型新项目\"文心一言\"",
      "Baidu formally announced its new large-model project \"Wenxin Yiyan\" (ERNIE Bot)",
      "有望成为第一个\"中国版 ChatGPT\"",
      "Could become the first \"Chinese ChatGPT\"",
    ],
    [
      "360", "360 Security", "2023-02-07", "2023-02",
      "计划推出类 ChatGPT 技术的 Demo 版产品",
      "Plans to launch a demo product based on ChatGPT-like technology",
      "公司的人工智能研究院从 2020 年开始一直在包括类 ChatGPT 技术在内的 AIGC 技术上有持续性的投入,新产品推出有望实现搜索引擎功能的升级",
      "The company's AI research institute has invested continuously since 2020 in AIGC technology, including ChatGPT-like technology; the new product may upgrade its search engine",
    ],
    [
      "腾讯", "Tencent", "2023-02-03", "2023-02",
      "腾讯申请的\"人机对话方法、装置、设备及计算机可读存储介质\"专利获得授权",
      "Tencent was granted its patent \"Human-machine dialogue method, apparatus, device and computer-readable storage medium\"",
      "此项专利的方法可以实现人机之间的自然顺畅的沟通, 提高用户使用体验。",
      "The patented method enables natural, fluent communication between people and machines and improves the user experience.",
    ],
    [
      "阿里", "Alibaba", "2023-02-08", "2023-02",
      "宣布正研发\"阿里版\"ChatGPT, 目前处于内测阶段",
      "Announced it is developing an \"Alibaba version\" of ChatGPT, now in internal testing",
      "有望将 AI 大模型技术与钉钉生产力工具深度结合",
      "Could integrate large AI models deeply with its DingTalk productivity tools",
    ],
  ],
};
