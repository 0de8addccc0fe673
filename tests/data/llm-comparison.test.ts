import { readFileSync } from "node:fs";
import { join } from "node:path";
import { llmComparison as d } from "../../src/data/datasets/llm-comparison";
import { epochModels } from "../../src/data/datasets/epoch-models";
import { cells, chineseCount, relDiff, reportSection } from "./report";

const col = (key: string): number => d.columns.findIndex((c) => c.key === key);
const get = (model: string, key: string) => {
  const r = d.rows.find((x) => x[col("model")] === model);
  if (r === undefined) throw new Error(`no row ${model}`);
  return r[col(key)];
};

/**
 * The report's 图8 rows as extracted: a row starts where the release-month cell reads
 * "YYYY年M月"; the lines after it (the PDF's wrapped cells) are appended cell by cell.
 */
interface RawRow {
  company: string;
  model: string;
  month: string;
  params: string;
  data: string;
  type: string;
}
const rawRows: RawRow[] = (() => {
  const out: RawRow[] = [];
  let company = "";
  for (const line of reportSection("图8")) {
    const c = cells(line);
    if (c.length < 6) continue;
    if (/^\d{4}年\d{1,2}月$/.test(c[2])) {
      if (c[0] !== "") company = c[0];
      out.push({ company, model: c[1], month: c[2], params: c[3], data: c[4], type: c[5] });
    } else if (out.length > 0 && c[0] !== "公司") {
      const last = out[out.length - 1];
      if (c[0] !== "") last.company += c[0];
      last.model += c[1];
      last.data += c[4];
      last.type += c[5];
    }
  }
  return out;
})();

/** The documented corrections, applied to the raw text (each has its own test below). */
const MODEL_FIXES: Record<string, string> = {
  Lamda: "LaMDA",
  SwitchTransformer: "Switch Transformer",
  "鹏城-百度•文స": "鹏城-百度·文心",
  "鹏程•盘古": "鹏程·盘古",
};
const COMPANY_FIXES: Record<string, string> = { "0penAl": "OpenAI" };
const fixModel = (m: string): string => MODEL_FIXES[m] ?? m;
const month = (s: string): string => {
  const m = /^(\d{4})年(\d{1,2})月$/.exec(s);
  if (m === null) throw new Error(s);
  return `${m[1]}-${m[2].padStart(2, "0")}`;
};
const GB = 1024 ** 3;
const TB = 1024 ** 4;
/** "约 5GB", "超过 1.1TB", "4. 9TB" → bytes (the report: 1TB = 1024GB); null when not one size. */
function dataBytes(s: string): number | null {
  const m = /^(?:约|超过)?\s*(\d+(?:\.\s?\d+)?)\s*(GB|TB)$/.exec(s.trim());
  if (m === null) return null;
  return Number(m[1].replace(/\s/g, "")) * (m[2] === "TB" ? TB : GB);
}

describe("llm-comparison (图8)", () => {
  test("the report lists 15 models; the dataset has them in the report's order", () => {
    expect(rawRows).toHaveLength(15);
    expect(d.rows.map((r) => r[col("model")])).toEqual(rawRows.map((r) => fixModel(r.model)));
  });

  test("the module's header comment gives the same count of models as the rows and the description", () => {
    const source = readFileSync(join(__dirname, "../../src/data/datasets/llm-comparison.ts"), "utf8");
    const header = /comparison of (\d+) large models/.exec(source.slice(0, source.indexOf("*/")));
    expect(Number(header?.[1])).toBe(d.rows.length);
    expect(d.description).toMatch(new RegExp(`\\b${d.rows.length} large models\\b`));
  });

  test("companies match the report (merged cells carried down, fixes applied)", () => {
    expect(d.rows.map((r) => r[col("company_zh")])).toEqual(rawRows.map((r) => COMPANY_FIXES[r.company] ?? r.company));
  });

  test("release months match the report", () => {
    expect(d.rows.map((r) => r[col("release_month")])).toEqual(rawRows.map((r) => month(r.month)));
  });

  test("params_text and params match the report's 亿/万亿 figures (except 悟道 2.0, fixed below)", () => {
    rawRows.forEach((raw, i) => {
      const r = d.rows[i];
      if (raw.model === "悟道 2.0") return;
      expect(r[col("params_text")]).toBe(raw.params);
      expect(relDiff(r[col("params")] as number, chineseCount(raw.params))).toBeLessThan(1e-12);
    });
  });

  test("pre-training data text and bytes match the report (1TB = 1024GB)", () => {
    rawRows.forEach((raw, i) => {
      const r = d.rows[i];
      const text = raw.data
        .replace(/(\d)\.\s(\d)/g, "$1.$2")
        .replace(",", ", ")
        .trim();
      expect(r[col("pretrain_data_text")]).toBe(text === "-" || text === "" ? null : text);
      const want = dataBytes(raw.data);
      const got = r[col("pretrain_data_bytes")] as number | null;
      if (want === null) expect(got).toBeNull();
      else expect(Math.abs(got! - want)).toBeLessThanOrEqual(0.5); // rounded to whole bytes
    });
    expect(reportSection("图8").some((l) => l.includes("1TB 为 1024GB"))).toBe(true);
  });

  test('model types match the report (wrapped lines joined, "-" blank)', () => {
    expect(d.rows.map((r) => r[col("model_type_zh")])).toEqual(rawRows.map((r) => (r.type === "-" || r.type === "" ? null : r.type)));
  });

  test("GPT-3 has 1750 亿 = 1.75e11 parameters, 300B tokens and 3.14e23 FLOP (Brown et al. Table D.1)", () => {
    expect(get("GPT-3", "params")).toBe(1.75e11);
    expect(get("GPT-3", "training_tokens")).toBe(3e11);
    expect(get("GPT-3", "training_flop")).toBe(3.14e23);
    // The paper also gives 3,640 PF-days; both are rounded to 3 figures (3,640 × 8.64e19 = 3.145e23).
    expect(relDiff(get("GPT-3", "training_flop") as number, 3640 * 8.64e19)).toBeLessThan(0.005);
  });

  describe("extraction fixes", () => {
    test('"0penAl" (zero, lower-case L) → OpenAI', () => {
      expect(rawRows[0].company).toBe("0penAl");
      expect(get("GPT", "company_zh")).toBe("OpenAI");
      expect(get("GPT", "company_en")).toBe("OpenAI");
    });

    test('"Lamda" → LaMDA', () => {
      expect(rawRows.some((r) => r.model === "Lamda")).toBe(true);
      expect(get("LaMDA", "model_en")).toBe("LaMDA");
    });

    test('"鹏城-百度•文" + garbled "స" → 鹏城-百度·文心 (ERNIE 3.0 Titan)', () => {
      expect(rawRows.some((r) => r.model === "鹏城-百度•文స")).toBe(true);
      expect(get("鹏城-百度·文心", "model_en")).toBe("ERNIE 3.0 Titan");
    });

    test('悟道 2.0\'s "1.75 万" → 1.75 万亿 = 1.75e12', () => {
      const raw = rawRows.find((r) => r.model === "悟道 2.0");
      expect(raw?.params).toBe("1.75 万");
      expect(chineseCount("1.75 万")).toBe(17500); // what the extraction literally says
      expect(get("悟道 2.0", "params_text")).toBe("1.75 万亿");
      expect(get("悟道 2.0", "params")).toBe(1.75e12);
    });

    test('"Megatron-" / "Turing" split lines → Megatron-Turing', () => {
      expect(rawRows.some((r) => r.model === "Megatron-Turing")).toBe(true);
      expect(get("Megatron-Turing", "model_en")).toBe("Megatron-Turing NLG");
    });

    test('"Switch" / "Transformer" split lines → Switch Transformer', () => {
      expect(rawRows.some((r) => r.model === "SwitchTransformer")).toBe(true);
      expect(get("Switch Transformer", "params")).toBe(1.6e12);
    });

    test('"&英伟达" company line → 微软&英伟达 (Microsoft & NVIDIA)', () => {
      expect(reportSection("图8").some((l) => l.startsWith("&英伟达\t"))).toBe(true);
      expect(get("Megatron-Turing", "company_zh")).toBe("微软&英伟达");
      expect(get("Megatron-Turing", "company_en")).toBe("Microsoft & NVIDIA");
    });

    test('"4. 9TB" and "1. 1TB" spaces removed', () => {
      expect(rawRows.find((r) => r.model === "悟道 2.0")?.data).toBe("4. 9TB");
      expect(get("悟道 2.0", "pretrain_data_text")).toBe("4.9TB");
      expect(get("悟道 2.0", "pretrain_data_bytes")).toBe(Math.round(4.9 * TB));
      expect(get("鹏程·盘古", "pretrain_data_text")).toBe("1.1TB");
    });

    test('"•" → "·" in 鹏程·盘古', () => {
      expect(rawRows.some((r) => r.model === "鹏程•盘古")).toBe(true);
      expect(get("鹏程·盘古", "model_en")).toBe("PanGu-α");
    });
  });

  test("ChatGPT: the report's 1750 亿, with a note that OpenAI never published it; no tokens or FLOP", () => {
    expect(get("ChatGPT", "params")).toBe(1.75e11);
    expect(get("ChatGPT", "training_tokens")).toBeNull();
    expect(get("ChatGPT", "training_flop")).toBeNull();
    expect(d.notes.some((n) => n.includes("ChatGPT") && n.includes("never published"))).toBe(true);
  });

  test("M6 and 神农 have no compute or confidence; M6's image + text data is not summed", () => {
    for (const m of ["达摩院 M6", "神农"]) {
      expect([get(m, "training_flop"), get(m, "flop_source"), get(m, "flop_confidence"), get(m, "training_tokens")]).toEqual([null, null, null, null]);
    }
    expect(get("达摩院 M6", "pretrain_data_bytes")).toBeNull();
    expect(get("达摩院 M6", "pretrain_data_text")).toBe("1.9TB 图像, 292GB 文本");
  });

  test("every training FLOP has a source; every Epoch figure has Epoch's confidence", () => {
    for (const r of d.rows) {
      if (r[col("training_flop")] === null) continue;
      expect(r[col("flop_source")]).toEqual(expect.any(String));
      if (String(r[col("flop_source")]).startsWith("Epoch AI, All ML Systems")) {
        expect(["Confident", "Likely", "Speculative"]).toContain(r[col("flop_confidence")]);
      }
    }
  });

  test("training FLOP and confidence equal the Epoch snapshot for every model named there", () => {
    const e = (k: string) => epochModels.columns.findIndex((c) => c.key === k);
    let checked = 0;
    for (const r of d.rows) {
      const m = /\("([^"]+)"\)/.exec(String(r[col("flop_source")] ?? ""));
      if (m === null) continue;
      const er = epochModels.rows.find((x) => x[e("model")] === m[1]);
      expect(er).toBeDefined();
      expect(relDiff(r[col("training_flop")] as number, er![e("training_compute_flop")] as number)).toBeLessThan(1e-9);
      expect(r[col("flop_confidence")]).toBe(er![e("confidence")]);
      checked++;
    }
    expect(checked).toBe(10);
  });

  test("training FLOP ≈ 6·N·D where parameters and tokens are both published (dense models)", () => {
    // Kaplan et al. 2020; within 10%: the papers' own counts differ slightly from the report's N.
    for (const m of ["GPT-3", "Megatron-Turing"]) {
      const c = 6 * (get(m, "params") as number) * (get(m, "training_tokens") as number);
      expect(relDiff(c, get(m, "training_flop") as number)).toBeLessThan(0.1);
    }
  });
});
