/**
 * 图4: Table 2 of "Attention Is All You Need", restored to the paper's values where the
 * report's PDF extraction garbled them.
 */
import { column, FORMAT, REPORT_CITATION, textColumn } from "../columns";
import type { Dataset } from "../types";

export const transformerCost: Dataset = {
  id: "transformer-cost",
  version: "1.0.0",
  shortTitle: { zh: "Transformer 训练成本", en: "Transformer cost" },
  title: {
    zh: "Transformer 在 WMT 2014 英-德、英-法翻译中以较低训练成本取得较高成绩",
    en: "Transformer: BLEU and training cost on WMT 2014 EN-DE and EN-FR",
  },
  description:
    "BLEU scores on newstest2014 and training cost in FLOPs for the Transformer and earlier " +
    "translation models (Vaswani et al. 2017, Table 2), as reproduced in the report's 图4.",
  source: [
    {
      text: 'Vaswani et al. 2017, "Attention Is All You Need", Table 2 (arXiv:1706.03762)',
      url: "https://arxiv.org/abs/1706.03762",
    },
    { text: `${REPORT_CITATION}, 图4` },
  ],
  asOf: "2017-06",
  notes: [
    "Values follow the paper's Table 2; blank cells are blank in the paper (no score or cost reported), never zero.",
    "PDF extraction fix: the report's \"1000000\" in Deep-Att + PosUnk Ensemble's EN-DE cost is an extraction artifact; the paper has no EN-DE figure for that model, so the cell is blank.",
    'PDF extraction fix: "3.3 - 10^{18}" and "2.3 - 10^{19}" are 3.3·10^18 and 2.3·10^19. In the paper each Transformer cost is one cell spanning both language pairs, so the same value is stored under EN-DE and EN-FR.',
    'PDF extraction fix: "ConvS2S 9" lost its citation brackets (ConvS2S [9]). Citation numbers (the paper\'s reference list) are kept in their own column, not in the model name.',
    "Training cost is the paper's estimate: training time × number of GPUs × sustained single-precision FLOP/s of each GPU.",
  ],
  columns: [
    textColumn("model", "模型", "Model"),
    textColumn("paper_ref", "文献编号", "Reference in the paper", "Citation number in Vaswani et al. 2017"),
    column("bleu_en_de", "BLEU 英-德", "BLEU EN-DE", "number", "BLEU", FORMAT.decimal2),
    column("bleu_en_fr", "BLEU 英-法", "BLEU EN-FR", "number", "BLEU", FORMAT.decimal2),
    column("cost_en_de_flop", "训练成本 英-德 (FLOPs)", "Training cost EN-DE (FLOPs)", "flop", "FLOP", FORMAT.scientific),
    column("cost_en_fr_flop", "训练成本 英-法 (FLOPs)", "Training cost EN-FR (FLOPs)", "flop", "FLOP", FORMAT.scientific),
  ],
  rows: [
    ["ByteNet", "[18]", 23.75, null, null, null],
    ["Deep-Att + PosUnk", "[39]", null, 39.2, null, 1.0e20],
    ["GNMT + RL", "[38]", 24.6, 39.92, 2.3e19, 1.4e20],
    ["ConvS2S", "[9]", 25.16, 40.46, 9.6e18, 1.5e20],
    ["MoE", "[32]", 26.03, 40.56, 2.0e19, 1.2e20],
    ["Deep-Att + PosUnk Ensemble", "[39]", null, 40.4, null, 8.0e20],
    ["GNMT + RL Ensemble", "[38]", 26.3, 41.16, 1.8e20, 1.1e21],
    ["ConvS2S Ensemble", "[9]", 26.36, 41.29, 7.7e19, 1.2e21],
    ["Transformer (base model)", null, 27.3, 38.1, 3.3e18, 3.3e18],
    ["Transformer (big)", null, 28.4, 41.8, 2.3e19, 2.3e19],
  ],
};
