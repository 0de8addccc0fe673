import fc from "fast-check";
import { CellError, isCellError } from "../../src/core/errors";
import { DATASETS, getDataset } from "../../src/data/catalog";
import { epochModels } from "../../src/data/datasets/epoch-models";
import { epochAccelerators } from "../../src/data/datasets/epoch-accelerators";
import { epochAcceleratorsFixture } from "./epoch-accelerators-fixture";
import {
  buildChipIndex,
  buildEpochChipIndex,
  buildEpochModelIndex,
  buildModelIndex,
  catalogMatrix,
  datasetAsMatrix,
  editDistance,
  epochChipLooseNames,
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

  test('"GPT-3", "gpt3", full-width and company-prefixed names give the same row', () => {
    for (const n of ["gpt3", "ＧＰＴ－３", "OpenAI GPT-3", "GPT-3 175B (davinci)"]) expect(lookupModel(n, "flop")).toBe(3.14e23);
  });

  test('"悟道 2.0" and "Wu Dao 2.0" give the same row', () => {
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

  test('"H100", "NVIDIA H100", "英伟达 H100", "h100 sxm" are one chip', () => {
    for (const n of ["NVIDIA H100", "英伟达 H100", "h100 sxm", "H100-SXM5"]) expect(lookupChip(n)).toBe(9.89e14);
  });

  test('"A100 SXM" and "NVIDIA A100" resolve', () => {
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

describe("lookupChip: the chips of 2023-2025 in the curated table", () => {
  test("MI325X = 1.3074e15 FLOP/s dense BF16 (AMD datasheet; blank in Epoch's tensor column)", () => {
    expect(lookupChip("MI325X")).toBe(1.3074e15);
    expect(lookupChip("AMD Instinct MI325X", "memory_gb")).toBe(256);
  });

  test('"TPU v5p", "TPUv5p", "Google TPU v5p" are one chip: 4.59e14 FLOP/s, 95 GB', () => {
    for (const n of ["TPU v5p", "TPUv5p", "Google TPU v5p", "谷歌 TPU v5p"]) expect(lookupChip(n)).toBe(4.59e14);
    expect(lookupChip("TPU v5p", "memory_gb")).toBe(95);
  });

  test('"Trillium" and "TPU v6e" are TPU v6e; "Ironwood" is TPU v7', () => {
    expect(lookupChip("Trillium")).toBe(9.18e14);
    expect(lookupChip("TPU v6e", "hbm")).toBe(32);
    expect(lookupChip("TPU v5e")).toBe(1.97e14);
    expect(lookupChip("Ironwood", "memory_gb")).toBe(192);
    expect(lookupChip("TPU v7", "year")).toBe(2025);
  });

  test("TPU v7's BF16 figure is Google Cloud's TPU7x page's 2,307 TFLOP/s per chip", () => {
    expect(lookupChip("Ironwood")).toBe(2.307e15);
  });

  test("H20, B100, GB200 (per GPU), Gaudi 3 / Gaudi3, Ascend 910C / 昇腾910C", () => {
    expect(lookupChip("H20")).toBe(1.48e14);
    expect(lookupChip("NVIDIA HGX H20", "fp32")).toBe(4.4e13);
    expect(lookupChip("B100")).toBe(1.75e15);
    expect(lookupChip("GB200")).toBe(2.5e15);
    expect(lookupChip("GB200", "fp32")).toBe(9e13);
    for (const n of ["Gaudi 3", "Gaudi3", "Intel Gaudi 3", "Habana Gaudi3"]) expect(lookupChip(n)).toBe(1.835e15);
    for (const n of ["Ascend 910C", "昇腾910C", "华为昇腾 910C"]) expect(lookupChip(n)).toBe(8e14);
    expect(lookupChip("Gaudi 3", "vendor")).toBe("Intel");
    expect(lookupChip("H20", "confidence")).toBe("weak");
  });

  test("H20 and H200 stay two chips", () => {
    expect(lookupChip("H20", "memory_gb")).toBe(96);
    expect(lookupChip("H200", "memory_gb")).toBe(141);
  });
});

describe("epochChipLooseNames", () => {
  test("strips leading brand words, keeps a digit, and adds the manufacturer in front", () => {
    expect(epochChipLooseNames("Intel Habana Gaudi2", "Intel")).toEqual([
      "Habana Gaudi2",
      "Gaudi2",
      "Intel Intel Habana Gaudi2",
      "Intel Habana Gaudi2",
      "Intel Gaudi2",
    ]);
    expect(epochChipLooseNames("Google TPU v4", "Google")).toEqual(["TPU v4", "Google Google TPU v4", "Google TPU v4"]);
    expect(epochChipLooseNames("Amazon Trainium2", "Amazon AWS")).toEqual(["Trainium2", "Amazon AWS Amazon Trainium2", "Amazon AWS Trainium2"]);
  });

  test("never drops a family or model word, and never leaves a name without a digit", () => {
    expect(epochChipLooseNames("NVIDIA Tesla", "NVIDIA")).toEqual(["NVIDIA NVIDIA Tesla"]);
    expect(epochChipLooseNames("Google TPU v4", null)).toEqual(["TPU v4"]); // "TPU" is not a brand word
    expect(epochChipLooseNames("Cerebras WSE-2", null)).toEqual([]);
  });
});

describe("lookupChip with Epoch AI's hardware table as a fallback (fixture of the epoch-accelerators shape)", () => {
  const epoch = buildEpochChipIndex(epochAcceleratorsFixture());

  test('the curated table answers first: H100 is the curated 9.89e14 although Epoch\'s table has "NVIDIA H100" at 1e15', () => {
    expect(lookupChip("H100", "bf16", [epoch])).toBe(9.89e14);
    expect(lookupChip("NVIDIA H100", "bf16", [epoch])).toBe(9.89e14);
    expect(lookupChip("MI325X", "bf16", [epoch])).toBe(1.3074e15); // Epoch's tensor cell is blank
  });

  test("a chip only in Epoch's table is found by its exact name or without the vendor's brand words", () => {
    for (const n of ["Intel Habana Gaudi2", "Habana Gaudi2", "Gaudi 2", "gaudi2", "Intel Gaudi 2"])
      expect({ n, v: lookupChip(n, "bf16", [epoch]) }).toEqual({ n, v: 4.5e14 });
    expect(lookupChip("TPU v4", "bf16", [epoch])).toBe(2.75e14);
    expect(lookupChip("H100 PCIe", "bf16", [epoch])).toBe(7.56e14);
  });

  test("Epoch's fields use the curated field words, plus fp8, int8, bandwidth and tdp; year comes from the release date", () => {
    expect(lookupChip("Gaudi 2", "fp16", [epoch])).toBe(4.5e14);
    expect(lookupChip("Gaudi 2", "fp8", [epoch])).toBe(8.65e14);
    expect(lookupChip("Gaudi 2", "memory", [epoch])).toBe(96);
    expect(lookupChip("Gaudi 2", "bandwidth", [epoch])).toBe(2.45e12);
    expect(lookupChip("Gaudi 2", "tdp", [epoch])).toBe(600);
    expect(lookupChip("Gaudi 2", "year", [epoch])).toBe(2022);
    expect(lookupChip("Gaudi 2", "vendor", [epoch])).toBe("Intel");
    expect(lookupChip("Gaudi 2", "厂商", [epoch])).toBe("Intel");
    expect(lookupChip("TPU v4", "int8", [epoch])).toBe(2.75e14);
    expect(lookupChip("Gaudi 2", "confidence", [epoch])).toBe("not flagged");
  });

  test("a curated chip's field the curated table has no column for is asked of Epoch's table under the same name", () => {
    expect(lookupChip("MI325X", "bandwidth", [epoch])).toBe(6e12);
    expect(lookupChip("B200", "fp8", [epoch])).toBe(4.5e15);
    expect(lookupChip("B200", "tdp", [epoch])).toBe(1000);
  });

  test("a figure the curated table leaves blank stays blank: B200's memory is #N/A, not Epoch's 192 GB", () => {
    expect(errorOf(lookupChip("B200", "memory_gb", [epoch])).message).toBe("NVIDIA B200 has no memory_gb figure in accelerators (see the dataset's notes)");
  });

  test("a field only Epoch has, for a curated chip Epoch names differently, is #N/A saying so", () => {
    const e = errorOf(lookupChip("A100", "fp8", [epoch]));
    expect(e.code).toBe("notAvailable");
    expect(e.message).toMatch(/^no field "fp8" for chips in accelerators; epoch-accelerators has it but no chip named "A100"; did you mean "/);
  });

  test("without Epoch's table, an Epoch-only field or chip is #N/A", () => {
    expect(errorOf(lookupChip("MI325X", "bandwidth")).message).toMatch(/^no field "bandwidth" for chips in accelerators; did you mean/);
    expect(errorOf(lookupChip("Gaudi 2")).message).toMatch(/^no chip named "Gaudi 2"; did you mean "Intel Gaudi 3"/);
  });

  test("a blank Epoch figure is #N/A naming Epoch's table; a field neither table has is #N/A suggesting fields", () => {
    expect(errorOf(lookupChip("Gaudi 2", "fp32", [epoch])).message).toBe(
      "Intel Habana Gaudi2 has no fp32_flops figure in epoch-accelerators (see the dataset's notes)"
    );
    expect(errorOf(lookupChip("Gaudi 2", "bandwith", [epoch])).message).toMatch(
      /^no field "bandwith" for chips in epoch-accelerators; did you mean "bandwidth"/
    );
  });

  test("an exact name beats a loose one, and a repeated exact name is its first row", () => {
    expect(lookupChip("NVIDIA L40", "bf16", [epoch])).toBe(1.81e14);
    expect(lookupChip("Cambricon MLU370-S4", "fp32", [epoch])).toBe(1.8e13);
    expect(lookupChip("MLU370-S4", "memory_gb", [epoch])).toBe(24); // the duplicate is the same chip, not an ambiguity
  });

  test("a loose name two chips share is #N/A listing both, never one of them", () => {
    const e = errorOf(lookupChip("L40", "bf16", [epoch]));
    expect(e.code).toBe("notAvailable");
    expect(e.message).toBe('"L40" could be 2 chips in epoch-accelerators: "Intel L40", "NVIDIA L40"; give the full name');
  });

  test("no fuzzy match: a family name, another generation or a typo is #N/A with the closest names of both tables", () => {
    expect(errorOf(lookupChip("Gaudi", "bf16", [epoch])).code).toBe("notAvailable");
    expect(errorOf(lookupChip("Tesla", "bf16", [epoch])).code).toBe("notAvailable");
    const e = errorOf(lookupChip("Gaudi 4", "bf16", [epoch]));
    expect(e.message).toMatch(/^no chip named "Gaudi 4"; did you mean /);
    expect(e.message).toContain('"Intel Gaudi 3"');
    expect(e.message).toContain('"Intel Habana Gaudi2"');
  });

  test("buildEpochChipIndex refuses another dataset", () => {
    expect(() => buildEpochChipIndex(getDataset("accelerators")!)).toThrow(/expected epoch-accelerators/);
  });
});

describe("lookupChip with the converted epoch-accelerators table", () => {
  const epoch = buildEpochChipIndex(epochAccelerators);

  test("curated rows still answer first; chips only Epoch lists answer by their short names", () => {
    expect(lookupChip("H100", "bf16", [epoch])).toBe(9.89e14);
    expect(lookupChip("MI325X", "bf16", [epoch])).toBe(1.3074e15);
    expect(lookupChip("Gaudi 2", "bf16", [epoch])).toBe(4.32e14); // Intel's figure: data/corrections/epoch.json corrects Epoch's 4.5e14
    expect(lookupChip("Trainium2", "bf16", [epoch])).toBe(6.67e14);
    expect(lookupChip("TPU v4", "memory_gb", [epoch])).toBe(32);
  });

  test("Epoch-only fields of curated chips: MI325X bandwidth 6e12 byte/s, TPU v5p INT8 9.18e14, Ironwood FP8 4.614e15", () => {
    expect(lookupChip("MI325X", "bandwidth", [epoch])).toBe(6e12);
    expect(lookupChip("TPU v5p", "int8", [epoch])).toBe(9.18e14);
    expect(lookupChip("Ironwood", "fp8", [epoch])).toBe(4.614e15);
  });

  test("an Epoch-only field follows the curated row's own names to Epoch's row: H100 → \"NVIDIA H100 SXM5 80GB\" (3.35e12 byte/s)", () => {
    expect(lookupChip("H100", "bandwidth", [epoch])).toBe(3.35e12);
    expect(lookupChip("英伟达 H100", "tdp", [epoch])).toBe(700);
    expect(lookupChip("A100", "int8", [epoch])).toBe(6.24e14);
  });

  test('GB200 (per GPU) is not linked to Epoch\'s two-GPU "GB200 NVL2" row: its bandwidth is #N/A', () => {
    expect(errorOf(lookupChip("GB200", "bandwidth", [epoch])).message).toMatch(
      /^no field "bandwidth" for chips in accelerators; epoch-accelerators has it but no chip named "GB200"; did you mean /
    );
  });

  test("every curated chip's exact Epoch name finds a row in one of the two tables", () => {
    for (const n of ["NVIDIA H100 SXM5 80GB", "NVIDIA HGX H20", "Google TPU v6e Trillium", "Intel Habana Gaudi3", "Huawei Ascend 910C", "NVIDIA GB200 NVL2"]) {
      expect({ n, found: typeof lookupChip(n, "name", [epoch]) }).toEqual({ n, found: "string" });
    }
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
      rows: [...base.rows, ...Array.from({ length: 5000 }, (_, i) => base.rows[0].map((v, c) => (c <= 2 ? `${String(v)}-x${i}` : c === 4 ? null : v)))],
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
  test('header in the chosen language, then rows with blanks as ""', () => {
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

  test("epoch-accelerators is #N/A until the feed supplies it, then a matrix", () => {
    expect(errorOf(datasetAsMatrix("epoch-accelerators")).message).toBe("epoch-accelerators is not loaded yet: it comes from the data feed");
    const m = datasetAsMatrix("epoch-accelerators", true, "en", [epochAccelerators]);
    expect(Array.isArray(m) ? [m.length, m[0].length] : m).toEqual([epochAccelerators.rows.length + 1, 13]);
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

  test("both Epoch tables, once loaded, are listed after the bundled datasets", () => {
    const m = catalogMatrix("en", true, [epochModels, epochAccelerators]);
    expect(m.slice(-2).map((r) => [r[0], r[3]])).toEqual([
      ["epoch-models", epochModels.rows.length],
      ["epoch-accelerators", epochAccelerators.rows.length],
    ]);
  });
});
