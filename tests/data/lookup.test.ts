import fc from "fast-check";
import { CellError, isCellError } from "../../src/core/errors";
import { DATASETS, getDataset } from "../../src/data/catalog";
import { epochModels } from "../../src/data/datasets/epoch-models";
import {
  buildChipIndex,
  buildEpochModelIndex,
  buildModelIndex,
  catalogMatrix,
  datasetAsMatrix,
  editDistance,
  lookupChip,
  lookupModel,
  normalizeName,
} from "../../src/data/lookup";
import type { Dataset } from "../../src/data/types";

const errorOf = (v: unknown): CellError => {
  if (!isCellError(v)) throw new Error(`expected a cell error, got ${JSON.stringify(v)}`);
  return v;
};

describe("normalizeName", () => {
  test("ignores case, spaces, punctuation, full-width forms and middle dots", () => {
    expect(new Set(["GPT-3", "gpt3", "GPT 3", "ＧＰＴ－３", "g.p.t_3"].map(normalizeName))).toEqual(new Set(["gpt3"]));
    expect(normalizeName("悟道 2.0")).toBe(normalizeName("悟道2.0"));
    expect(normalizeName("Wu Dao 2.0")).toBe("wudao20");
    expect(normalizeName("鹏城-百度·文心")).toBe(normalizeName("鹏城百度•文心"));
  });

  test("is idempotent and blind to inserted separators and full-width ASCII", () => {
    const ascii = fc.string({ unit: fc.constantFrom(..."abcXYZ0129-. _·•()&") });
    fc.assert(
      fc.property(ascii, (s) => {
        const n = normalizeName(s);
        const fullWidth = s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        return normalizeName(n) === n && normalizeName(` ${s.split("").join(" - ")} `) === n && normalizeName(fullWidth) === n;
      }),
      { numRuns: 300 }
    );
  });

  test("editDistance is the Levenshtein distance", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("悟道20", "悟道30")).toBe(1);
  });
});

describe("lookupModel (llm-comparison)", () => {
  test("GPT-3 params = 1.75e11", () => {
    expect(lookupModel("GPT-3", "params")).toBe(1.75e11);
  });

  test("\"GPT-3\", \"gpt3\", full-width and company-prefixed names give the same row", () => {
    for (const n of ["gpt3", "ＧＰＴ－３", "OpenAI GPT-3", "GPT-3 175B (davinci)"]) expect(lookupModel(n, "flop")).toBe(3.14e23);
  });

  test("\"悟道 2.0\" and \"Wu Dao 2.0\" give the same row", () => {
    for (const field of ["params", "flop", "tokens", "date", "company", "type", "data_bytes", "confidence"]) {
      expect(lookupModel("Wu Dao 2.0", field)).toEqual(lookupModel("悟道 2.0", field));
    }
    expect(lookupModel("WuDao 2.0", "params")).toBe(1.75e12);
    expect(lookupModel("智源 悟道2.0", "params")).toBe(1.75e12);
  });

  test("fields and their aliases", () => {
    expect(lookupModel("LaMDA", "tokens")).toBe(1.68e11);
    expect(lookupModel("lamda", "training_tokens")).toBe(1.68e11);
    expect(lookupModel("Megatron-Turing NLG", "compute")).toBe(8.586e23);
    expect(lookupModel("MT-NLG", "date")).toBe("2021-10");
    expect(lookupModel("ERNIE 3.0 Titan", "company")).toBe("Baidu");
    expect(lookupModel("鹏城-百度·文心", "公司")).toBe("百度");
    expect(lookupModel("PanGu-α", "type")).toBe("Chinese pre-trained language model");
    expect(lookupModel("GPT-3", "data_bytes")).toBe(45 * 1024 ** 4);
    expect(lookupModel("源 1.0", "参数")).toBe(2.457e11);
    expect(lookupModel("GPT-2", "Params")).toBe(1.5e9); // field names ignore case too
  });

  test("every name and alias in the table finds its own row", () => {
    const d = getDataset("llm-comparison")!;
    const c = (k: string) => d.columns.findIndex((x) => x.key === k);
    for (const r of d.rows) {
      const names = [r[c("model")], r[c("model_en")], ...String(r[c("aliases")] ?? "").split(";")].filter((n) => String(n).trim() !== "");
      for (const n of names) expect({ n, en: lookupModel(String(n), "name") }).toEqual({ n, en: r[c("model_en")] });
    }
  });

  test("a blank figure is #N/A that points to the notes", () => {
    const e = errorOf(lookupModel("ChatGPT", "flop"));
    expect(e.code).toBe("notAvailable");
    expect(e.message).toBe("ChatGPT has no training_flop figure in llm-comparison (see the dataset's notes)");
  });

  test("an unknown name is #N/A suggesting the three closest names", () => {
    const e = errorOf(lookupModel("GPT-9", "params"));
    expect(e.code).toBe("notAvailable");
    expect(e.message).toBe('no model named "GPT-9"; did you mean "GPT", "GPT-2", "GPT-3"?');
    expect(errorOf(lookupModel("Wu Dao 3.0", "params")).message).toMatch(/did you mean "Wu Dao 2\.0"/);
  });

  test("an unknown field is #N/A suggesting fields", () => {
    const e = errorOf(lookupModel("GPT-3", "paramz"));
    expect(e.code).toBe("notAvailable");
    expect(e.message).toMatch(/^no field "paramz" for models in llm-comparison; did you mean "params"/);
  });

  test("an argument that already is an error passes through unchanged", () => {
    const upstream = new CellError("divisionByZero", "from another cell");
    expect(lookupModel(upstream, "params")).toBe(upstream);
    expect(lookupModel("GPT-3", upstream)).toBe(upstream);
    expect(lookupChip(upstream)).toBe(upstream);
    expect(datasetAsMatrix(upstream)).toBe(upstream);
  });

  test("a name that is not text is #VALUE!", () => {
    expect(errorOf(lookupModel(42, "params")).code).toBe("invalidValue");
    expect(errorOf(lookupModel("  ", "params")).code).toBe("invalidValue");
  });

  describe("with Epoch AI's models as a fallback index", () => {
    const epoch = buildEpochModelIndex(epochModels);

    test("a model the report does not list is found in Epoch's rows, with the same field words", () => {
      expect(lookupModel("GPT-4", "flop", [epoch])).toBe(2.1e25);
      expect(lookupModel("gpt-4", "confidence", [epoch])).toBe("Speculative");
      expect(lookupModel("Chinchilla", "params", [epoch])).toBe(7e10);
    });

    test("the report's table answers first", () => {
      expect(lookupModel("GPT-3", "params", [epoch])).toBe(1.75e11);
      expect(lookupModel("PanGu-α", "params", [epoch])).toBe(2e11); // the report's 2000 亿, not Epoch's 2.07e11
    });

    test("without the fallback the same name is #N/A", () => {
      expect(errorOf(lookupModel("Chinchilla", "params")).code).toBe("notAvailable");
    });

    test("suggestions come from both indexes", () => {
      expect(errorOf(lookupModel("Chinchila", "params", [epoch])).message).toMatch(/did you mean "Chinchilla"/);
    });
  });
});

describe("lookupChip (accelerators)", () => {
  test("H100 = 9.89e14 FLOP/s (dense BF16, the default field)", () => {
    expect(lookupChip("H100")).toBe(9.89e14);
  });

  test("\"H100\", \"NVIDIA H100\", \"英伟达 H100\", \"h100 sxm\" are one chip", () => {
    for (const n of ["NVIDIA H100", "英伟达 H100", "h100 sxm", "H100-SXM5"]) expect(lookupChip(n)).toBe(9.89e14);
  });

  test("\"A100 SXM\" and \"NVIDIA A100\" resolve", () => {
    expect(lookupChip("A100 SXM")).toBe(3.12e14);
    expect(lookupChip("NVIDIA A100", "fp32")).toBe(1.95e13);
  });

  test("fields: fp16, fp32, memory_gb, year, vendor, confidence", () => {
    expect(lookupChip("MI300X", "fp16")).toBe(1.3074e15);
    expect(lookupChip("H200", "memory_gb")).toBe(141);
    expect(lookupChip("H200", "memory")).toBe(141);
    expect(lookupChip("昇腾910", "year")).toBe(2019);
    expect(lookupChip("Ascend 910B", "vendor")).toBe("Huawei");
    expect(lookupChip("深算一号", "confidence")).toBe("weak");
  });

  test("B200's unconfirmed memory is #N/A, not a guess", () => {
    expect(errorOf(lookupChip("B200", "memory_gb")).code).toBe("notAvailable");
  });

  test("a PCIe card that is not in the table is #N/A suggesting the SXM part", () => {
    const e = errorOf(lookupChip("H100 PCIe"));
    expect(e.code).toBe("notAvailable");
    expect(e.message).toMatch(/^no chip named "H100 PCIe"; did you mean "NVIDIA H100 SXM"/);
  });

  test("unknown chip names get three suggestions", () => {
    expect(errorOf(lookupChip("H1000")).message).toMatch(/^no chip named "H1000"; did you mean "NVIDIA H100 SXM", "[^"]+", "[^"]+"\?$/);
  });
});

describe("indexes are Map lookups, not scans", () => {
  /** A copy of a dataset whose row array counts reads of its elements. */
  function counted(d: Dataset): { dataset: Dataset; reads: () => number; reset: () => void } {
    let n = 0;
    const rows = new Proxy(d.rows.slice(), {
      get(target, prop, receiver) {
        if (typeof prop === "string" && /^\d+$/.test(prop)) n++;
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    return { dataset: { ...d, rows }, reads: () => n, reset: () => (n = 0) };
  }

  test("a chip lookup reads one row, however many there are", () => {
    const base = getDataset("accelerators")!;
    const many: Dataset = {
      ...base,
      rows: [
        ...base.rows,
        ...Array.from({ length: 5000 }, (_, i) => base.rows[0].map((v, c) => (c <= 2 ? `${String(v)}-x${i}` : c === 4 ? null : v))),
      ],
    };
    const c = counted(many);
    const ix = buildChipIndex(c.dataset);
    c.reset();
    expect(ix.byName.get(normalizeName("NVIDIA H100"))).toBe(3);
    expect(c.reads()).toBe(0);
    expect(ix.dataset.rows[ix.byName.get(normalizeName("v100-x4999"))!][5]).toBe(1.25e14);
    expect(c.reads()).toBe(1);
  });

  test("building the report's model index refuses a name shared by two rows", () => {
    const d = getDataset("llm-comparison")!;
    const dup: Dataset = { ...d, rows: [...d.rows, d.rows[0]] };
    expect(() => buildModelIndex(dup)).toThrow(/name "GPT" is on rows 0 and 15/);
  });
});

describe("datasetAsMatrix (AI.DATASET)", () => {
  test("header in the chosen language, then rows with blanks as \"\"", () => {
    const m = datasetAsMatrix("index-performance", true, "zh");
    expect(Array.isArray(m)).toBe(true);
    if (!Array.isArray(m)) return;
    expect(m[0]).toEqual(["代码", "名称", "名称 (英文)", "近5日涨跌幅", "年初至今涨跌幅", "周相对涨跌幅", "年初至今相对涨跌幅"]);
    expect(m[1]).toEqual(["801750.SI", "计算机行业", "SW Computer", 0.0047, 0.1841, "", ""]);
    expect(m).toHaveLength(8);
    expect(m.flat().some((v) => v === null || v === undefined)).toBe(false);
  });

  test("without header, English", () => {
    const m = datasetAsMatrix("accelerators", false, "en");
    expect(Array.isArray(m) ? m[3][0] : m).toBe("h100");
  });

  test("an unknown id is #N/A with the closest ids", () => {
    expect(errorOf(datasetAsMatrix("accelerator")).message).toMatch(/^no dataset "accelerator"; did you mean "accelerators", "[^"]+", "[^"]+"\?$/);
    expect(errorOf(datasetAsMatrix("epoch-model")).message).toMatch(/did you mean "epoch-models"/);
  });

  test("epoch-models is #N/A until the feed supplies it, then a matrix", () => {
    expect(errorOf(datasetAsMatrix("epoch-models")).message).toMatch(/not loaded yet/);
    const m = datasetAsMatrix("epoch-models", true, "en", [epochModels]);
    expect(Array.isArray(m) ? m.length : m).toBe(epochModels.rows.length + 1);
  });
});

describe("catalogMatrix (AI.DATASETS)", () => {
  test("id, title, version, rows, source for every bundled dataset", () => {
    const m = catalogMatrix("en");
    expect(m[0]).toEqual(["id", "title", "version", "rows", "source"]);
    expect(m.slice(1).map((r) => r[0])).toEqual(DATASETS.map((d) => d.id));
    const ip = m.find((r) => r[0] === "index-performance")!;
    expect(ip[3]).toBe(7);
    expect(String(ip[4])).toMatch(/^数据来源: Wind, 财通证券研究所/);
  });

  test("Chinese headers and titles; feed datasets appended", () => {
    const m = catalogMatrix("zh", true, [epochModels]);
    expect(m[0]).toEqual(["代码", "标题", "版本", "行数", "来源"]);
    expect(m[m.length - 1].slice(0, 4)).toEqual(["epoch-models", epochModels.title.zh, "1.0.0", epochModels.rows.length]);
  });
});
