/** Each rule of the importer on small synthetic pastes, in Chinese and in English. */
import { importTable } from "../../src/import";
import type { ImportedTable } from "../../src/import";
import { allAccepted, columnOf, imported } from "./helpers";

const TB = 1024 ** 4;
const GB = 1024 ** 3;
const tsv = (...rows: string[][]): string => rows.map((r) => r.join("\t")).join("\n");
/** Columns aligned with spaces at fixed starts (in characters), as pdftotext -layout writes them. */
const aligned = (starts: number[], ...rows: string[][]): string =>
  rows.map((r) => r.reduce((line, cell, i) => (cell === "" ? line : line.padEnd(starts[i]) + cell), "").trimEnd()).join("\n");
const flagsOf = (t: ImportedTable, kind: string) => t.flags.filter((f) => f.kind === kind);

describe("layouts: tab-separated and aligned with spaces read the same", () => {
  const rows = [
    ["公司", "模型", "发布时间", "参数 (个)"],
    ["OpenAI", "GPT-3", "2020年5月", "1750 亿"],
    ["", "ChatGPT", "2022年11月", "1750 亿"],
    ["谷歌", "PaLM", "2022年4月", "5400 亿"],
  ];
  it.each([
    ["tabs", tsv(...rows)],
    ["spaces", aligned([0, 10, 22, 36], ...rows)],
  ])("%s", (layout, text) => {
    const t = imported(text);
    expect(t.layout).toBe(layout);
    expect(t.columns.map((c) => c.name)).toEqual(["公司", "模型", "发布时间", "参数 (个)"]);
    expect(t.rows).toEqual([
      ["OpenAI", "GPT-3", "2020-05", 1.75e11],
      ["OpenAI", "ChatGPT", "2022-11", 1.75e11],
      ["谷歌", "PaLM", "2022-04", 5.4e11],
    ]);
  });

  it("spaces: a cell keeps its single spaces, and a blank cell its place", () => {
    const t = imported(aligned([0, 16, 30], ["Index", "Weekly change", "YTD change"], ["CSI 300", "", "6.06%"], ["SSE 50", "-1.01%", "4.23%"]), {
      language: "en",
    });
    expect(t.rows).toEqual([
      ["CSI 300", null, 0.0606],
      ["SSE 50", -0.0101, 0.0423],
    ]);
  });
});

describe("header rows", () => {
  it("no header when the first row holds data: columns are named in the pane's language", () => {
    const text = tsv(["GPT-3", "175B", "2020-05-28"], ["PaLM", "540B", "2022-04-04"]);
    expect(imported(text, { language: "en" }).columns.map((c) => c.name)).toEqual(["Column 1", "Column 2", "Column 3"]);
    expect(imported(text, { language: "zh" }).columns.map((c) => c.name)).toEqual(["列 1", "列 2", "列 3"]);
    expect(imported(text).headerLines).toEqual([]);
    expect(imported(text).rows).toHaveLength(2);
  });

  it("two header rows: a name over blank cells spans them", () => {
    const t = imported(tsv(["Model", "BLEU", "", "Cost", ""], ["Model", "EN-DE", "EN-FR", "EN-DE", "EN-FR"], ["A", "1", "2", "3", "4"]), { language: "en" });
    expect(t.columns.map((c) => c.name)).toEqual(["Model", "BLEU EN-DE", "BLEU EN-FR", "Cost EN-DE", "Cost EN-FR"]);
    expect(t.columns.map((c) => c.key)).toEqual(["model", "bleu_en_de", "bleu_en_fr", "cost_en_de", "cost_en_fr"]);
    expect(t.headerLines).toEqual([1, 2]);
  });

  it("removes PDF spaces between Chinese characters in a header, and says so in the notes", () => {
    const t = imported(tsv(["名称", "年初至今相对涨 跌幅"], ["计算机", "18.41%"]));
    expect(t.columns[1].name).toBe("年初至今相对涨跌幅");
    expect(t.notes.map((n) => n.en)).toContain("header “年初至今相对涨 跌幅” read as “年初至今相对涨跌幅”");
  });

  it("title, caption, source and note lines around the table", () => {
    const text = ["Figure 3: GPU prices", "", "Chip\tPrice (USD)", "H100\t30000", "A100\t10000", "", "Source: vendor lists", "Note: list prices"].join("\n");
    const t = imported(text, { language: "en" });
    expect([t.title, t.source, t.textNotes]).toEqual(["Figure 3: GPU prices", ["Source: vendor lists"], ["Note: list prices"]]);
    expect(t.rows).toEqual([
      ["H100", 30000],
      ["A100", 10000],
    ]);
  });
});

describe("column types and units", () => {
  it.each([
    ["zh", ["发布时间", "2021年6月", "2023.02.06"], "date"],
    ["en", ["Released", "Jun 2021", "15 Jun 2021"], "date"],
    ["zh", ["涨跌幅", "0.47%", "-1.35%"], "percent"],
    ["en", ["Data", "45TB", "292 GB"], "bytes"],
    ["zh", ["参数 (个)", "1.17 亿", "15 亿"], "count"],
    ["en", ["BLEU", "23.75", "41.8"], "number"],
    ["en", ["Name", "GPT-3", "PaLM"], "text"],
  ] as const)("%s: %s → %s", (language, cells, type) => {
    const t = imported(tsv(["Key", cells[0]], ["a", cells[1]], ["b", cells[2]]), { language });
    expect(t.columns[1].type).toBe(type);
  });

  it("dates in base form: days as yyyy-mm-dd, months as yyyy-mm", () => {
    const t = imported(tsv(["事件", "日期"], ["a", "2023.02.06"], ["b", "2023-02-07"], ["c", "2023/2/8"], ["d", "2021年6月15日"]));
    expect(columnOf(t, "日期")).toEqual(["2023-02-06", "2023-02-07", "2023-02-08", "2021-06-15"]);
    expect(t.columns[1].precision).toBe("day");
  });

  it("the header's unit: (亿元) scales bare numbers, (%) makes them percentages, (TB) sizes", () => {
    const t = imported(tsv(["公司", "营收 (亿元)", "毛利率 (%)", "数据 (TB)"], ["甲", "12.5", "40.2", "2"], ["乙", "3", "35", "0.5"]));
    expect(t.columns.map((c) => [c.type, c.unit])).toEqual([
      ["text", ""],
      ["number", "元"],
      ["percent", ""],
      ["bytes", "字节, 1TB = 1024GB"],
    ]);
    expect(t.rows).toEqual([
      ["甲", 1.25e9, 0.402, 2 * TB],
      ["乙", 3e8, 0.35, 0.5 * TB],
    ]);
  });

  it("base units: 亿 1e8, 万亿 1e12, 175B 1.75e11, % a fraction, TB bytes (1TB = 1024GB unless the text says 1000)", () => {
    const body = [
      ["A", "1.17 亿", "1.6 万亿", "175B", "18.41%", "45TB"],
      ["B", "15 亿", "1 万亿", "540B", "0.5%", "40GB"],
    ];
    const header = ["Name", "参数", "参数2", "Parameters", "Share", "Data"];
    const t = imported(tsv(header, ...body));
    expect(t.rows[0]).toEqual(["A", 1.17e8, 1.6e12, 1.75e11, 0.1841, 45 * TB]);
    const si = imported([tsv(header, ...body), "", "Note: 1 TB = 1,000 GB"].join("\n"), { language: "en" });
    expect(si.rows[1][5]).toBe(40e9);
    expect(si.columns[5]).toMatchObject({ unit: "bytes, 1TB = 1000GB", bytesStep: 1000, bytesStepStated: true });
  });

  it("the analyst's override: a type, a unit label, the bytes convention", () => {
    const text = tsv(["Chip", "Year", "Memory"], ["A100", "2020", "80GB"], ["H100", "2022", "80GB"]);
    expect(imported(text).columns[1].type).toBe("number");
    const t = imported(text, { language: "en", overrides: { 1: { type: "text" }, 2: { bytesStep: 1000 } } });
    expect(columnOf(t, "Year")).toEqual(["2020", "2022"]);
    expect(t.columns[1].detected.type).toBe("number");
    expect(columnOf(t, "Memory")).toEqual([80e9, 80e9]);
    expect(imported(text, { overrides: { 1: { unit: "year" } } }).columns[1].unit).toBe("year");
  });
});

describe("grouping columns are filled down, other blanks are not", () => {
  it.each(["zh", "en"] as const)("%s", (language) => {
    const t = imported(tsv(["Company", "Model", "Type", "Params"], ["Google", "BERT", "NLP", "340M"], ["", "T5", "", "11B"], ["Meta", "LLaMA", "LLM", "65B"]), {
      language,
    });
    expect(columnOf(t, "Company")).toEqual(["Google", "Google", "Meta"]);
    expect(columnOf(t, "Type")).toEqual(["NLP", null, "LLM"]);
    expect(t.columns[0].filledDown).toBe(true);
    expect(t.notes.some((n) => n[language].startsWith("Company"))).toBe(true);
  });
});

describe("wrapped cells are joined, as the report spaces them", () => {
  it("zh: directly between Chinese characters, a space before Latin text, nothing after a hyphen", () => {
    const t = imported(
      tsv(
        ["公司", "模型", "发布时间", "说明"],
        ["微软", "Megatron-", "2021年10月", "自然语言"],
        ["&英伟达", "Turing", "", "生成"],
        ["谷歌", "Switch", "2021年3月", "搜索引擎"],
        ["", "Transformer", "", "Bing 集成"]
      )
    );
    expect(t.rows.map((r) => r.slice(0, 2).concat(r[3]))).toEqual([
      ["微软&英伟达", "Megatron-Turing", "自然语言生成"],
      ["谷歌", "Switch Transformer", "搜索引擎 Bing 集成"],
    ]);
    expect(t.rowLines).toEqual([
      [2, 3],
      [4, 5],
    ]);
    expect(flagsOf(t, "join").every((f) => f.acceptedByDefault)).toBe(true);
  });

  it("en: rejecting a join keeps the line as a row of its own", () => {
    const text = tsv(["Company", "Model", "Year"], ["Google", "Switch", "2021"], ["", "Transformer", ""]);
    const t = imported(text, { language: "en" });
    expect(t.rows).toEqual([["Google", "Switch Transformer", 2021]]);
    const id = flagsOf(t, "join")[0].id;
    const rejected = imported(text, { language: "en", decisions: { [id]: false } });
    expect(rejected.rows).toEqual([
      ["Google", "Switch", 2021],
      ["Google", "Transformer", null],
    ]);
    expect(flagsOf(rejected, "join")[0]).toMatchObject({ accepted: false, row: 1 });
  });

  it("en: a line with a first cell but nothing in the typed columns is a doubt: a row until the join is accepted", () => {
    const text = tsv(["Model", "Year", "Note"], ["Switch", "2021", "sparse"], ["Transformer", "", "experts"]);
    const t = imported(text, { language: "en" });
    expect(t.rows).toEqual([
      ["Switch", 2021, "sparse"],
      ["Transformer", null, "experts"],
    ]);
    const [f] = flagsOf(t, "join");
    expect(f).toMatchObject({ accepted: false, acceptedByDefault: false, row: 1 });
    expect(imported(text, { language: "en", decisions: { [f.id]: true } }).rows).toEqual([["Switch Transformer", 2021, "sparse experts"]]);
  });
});

describe("PDF spacing is repaired only where the result is a value of the column's kind", () => {
  it("numbers, percentages, sizes and dates are read and flagged; text keeps its spaces", () => {
    const t = imported(
      tsv(
        ["指数", "涨跌幅", "点数", "数据", "日期"],
        ["沪深 300", "0. 47%", "1 750", "4. 9TB", "2023. 01. 25"],
        ["上证 50", "1.5%", "3000", "5TB", "2023.01.26"]
      )
    );
    expect(t.rows[0]).toEqual(["沪深 300", 0.0047, 1750, Math.round(4.9 * TB), "2023-01-25"]);
    expect(flagsOf(t, "spacing").map((f) => f.raw)).toEqual(["0. 47%", "1 750", "4. 9TB", "2023. 01. 25"]);
    expect(flagsOf(t, "spacing").every((f) => f.accepted)).toBe(true);
  });

  it("two figures side by side are not read as one: “5 2022” is no 52022", () => {
    const t = imported(tsv(["Item", "Count"], ["a", "5 2022"], ["b", "1 750"], ["c", "7"]), { language: "en" });
    expect(columnOf(t, "Count")).toEqual(["5 2022", 1750, 7]);
    expect(flagsOf(t, "unreadable").map((f) => f.raw)).toEqual(["5 2022"]);
  });

  it("a figure that is still no value with its spaces removed is not repaired but flagged unreadable", () => {
    const t = imported(tsv(["Item", "Count"], ["a", "3 apples"], ["b", "12"], ["c", "7"]), { language: "en" });
    expect(columnOf(t, "Count")).toEqual(["3 apples", 12, 7]);
    expect(flagsOf(t, "unreadable")[0]).toMatchObject({ raw: "3 apples", proposed: null, accepted: false });
    expect(flagsOf(t, "spacing")).toEqual([]);
  });

  it("rejecting a repair keeps the cell as pasted, as text", () => {
    const text = tsv(["Index", "Change"], ["A", "0. 47%"], ["B", "1%"]);
    const id = flagsOf(imported(text), "spacing")[0].id;
    expect(columnOf(imported(text, { decisions: { [id]: false } }), "Change")).toEqual(["0. 47%", 0.01]);
  });
});

describe("missing values are blank", () => {
  it.each(["-", "—", "N/A", "n/a", "－"])("%s", (mark) => {
    const t = imported(tsv(["Name", "Value", "Type"], ["a", mark, mark], ["b", "5", "x"]));
    expect(t.rows[0]).toEqual(["a", null, null]);
    expect(t.flags).toEqual([]);
  });
});

describe("qualifiers are kept in a column of their own", () => {
  it("zh: 约, 超过", () => {
    const t = imported(tsv(["模型", "数据量"], ["GPT", "约 5GB"], ["PLUG", "超过 1.1TB"], ["GPT-3", "45TB"]));
    expect(t.columns.map((c) => c.name)).toEqual(["模型", "数据量", "数据量 限定词"]);
    expect(t.rows).toEqual([
      ["GPT", 5 * GB, "≈"],
      ["PLUG", Math.round(1.1 * TB), ">"],
      ["GPT-3", 45 * TB, null],
    ]);
    expect(t.columns[2]).toMatchObject({ role: "qualifier", key: "col_2_qualifier" });
  });

  it("en: ~ and >", () => {
    const t = imported(tsv(["Model", "Params"], ["A", "~175B"], ["B", ">1T"], ["C", "70B"]), { language: "en" });
    expect(t.columns.map((c) => c.name)).toEqual(["Model", "Params", "Params qualifier"]);
    expect(t.rows).toEqual([
      ["A", 1.75e11, "≈"],
      ["B", 1e12, ">"],
      ["C", 7e10, null],
    ]);
  });
});

describe("suspicious cells are flagged, never silently fixed", () => {
  const params = ["1750 亿", "5300 亿", "2600 亿", "1370 亿", "2000 亿", "1.75 万"];

  it("zh: a magnitude orders off its column, with the likely unit slip proposed", () => {
    const t = imported(tsv(["模型", "参数"], ...params.map((p, i) => [`M${i}`, p])));
    const [f] = flagsOf(t, "magnitude");
    expect(f).toMatchObject({ raw: "1.75 万", original: 17500, proposed: 1.75e12, accepted: false, row: 5, column: 1 });
    expect(f.reason.zh).toContain("数量级");
    expect(columnOf(t, "参数")[5]).toBe(17500);
    expect(columnOf(imported(tsv(["模型", "参数"], ...params.map((p, i) => [`M${i}`, p])), { decisions: { [f.id]: true } }), "参数")[5]).toBe(1.75e12);
  });

  it("en: 175M among billions is proposed as 175B", () => {
    const t = imported(tsv(["Model", "Parameters"], ["A", "175B"], ["B", "540B"], ["C", "280B"], ["D", "70B"], ["E", "137B"], ["F", "175M"]), {
      language: "en",
    });
    const [f] = flagsOf(t, "magnitude");
    expect(f).toMatchObject({ raw: "175M", proposed: 1.75e11 });
    expect(f.proposal.en).toContain("M → B");
  });

  it("a magnitude no unit slip explains: blank proposed", () => {
    const t = imported(tsv(["Model", "FLOP"], ["a", "1e20"], ["b", "2e20"], ["c", "3e19"], ["d", "5e20"], ["e", "8e19"], ["f", "1000000"]), { language: "en" });
    expect(flagsOf(t, "magnitude")[0]).toMatchObject({ raw: "1000000", proposed: null });
  });

  it("an OCR slip in a name, in either language", () => {
    for (const language of ["zh", "en"] as const) {
      const t = imported(tsv(["Company", "Params"], ["0penAl", "175B"], ["G0ogle", "540B"], ["Meta", "65B"]), { language });
      expect(flagsOf(t, "ocr").map((f) => [f.raw, f.proposed])).toEqual([
        ["0penAl", "OpenAI"],
        ["G0ogle", "Google"],
      ]);
      expect(columnOf(t, "Company")[0]).toBe("0penAl");
    }
  });

  it("no OCR flag on names with real digits: A100, GPT-4, H800, Llama 2, Qwen1.5", () => {
    const t = imported(
      tsv(["Name", "Year"], ["A100", "2020"], ["GPT-4", "2023"], ["H800", "2023"], ["Llama 2", "2023"], ["Qwen1.5", "2024"], ["Gen0", "2021"])
    );
    expect(t.flags).toEqual([]);
  });

  it("a row with more cells than the header: extra cells kept in the last column, the likely merge proposed", () => {
    const text = tsv(["Model", "Cost", "Year"], ["A", "1.5", "2020"], ["B", "2.5", "2021"], ["C", "3.", "5", "2022"]);
    const t = imported(text, { language: "en" });
    const [f] = flagsOf(t, "cellCount");
    expect(f).toMatchObject({ line: 4, row: 2, accepted: false });
    expect(f.reason.en).toBe("Line 4 has 4 cells but the table has 3 columns; the extra cells are put in the last column for now.");
    expect(f.proposal.en).toBe("Merge the neighbouring “3.” and “5”");
    expect(t.rows[2]).toEqual(["C", 3, "5 | 2022"]);
    expect(imported(text, { language: "en", decisions: { [f.id]: true } }).rows[2]).toEqual(["C", 3.5, 2022]);
  });

  it("a bullet between Chinese characters and a stray glyph are flagged as garbled", () => {
    const t = imported(tsv(["模型", "参数"], ["鹏程•盘古", "2000 亿"], ["文\ufffd", "10 亿"], ["GPT • 3", "1750 亿"]));
    expect(flagsOf(t, "glyph").map((f) => [f.raw, f.proposed])).toEqual([
      ["鹏程•盘古", "鹏程·盘古"],
      ["文\ufffd", "文"],
    ]);
  });

  it("every flag says why and what it proposes, in both languages", () => {
    const t = allAccepted(
      tsv(
        ["公司", "参数", "数据量"],
        ["0penAl", "1750 亿", "4. 9TB"],
        ["", "5300 亿", "数百 GB"],
        ["谷歌", "2600 亿", "5TB"],
        ["", "1370 亿", "1TB"],
        ["", "2000 亿", "2TB"],
        ["", "1.75 万", "3TB"]
      )
    );
    expect(t.flags.length).toBeGreaterThanOrEqual(4);
    for (const f of t.flags) for (const text of [f.reason.zh, f.reason.en, f.proposal.zh, f.proposal.en]) expect(text.length).toBeGreaterThan(5);
  });
});

describe("refusals are clear messages", () => {
  it.each([
    ["", /no text to read/],
    ["   \n\t\n", /no text to read/],
    ["just one line of prose", /No table found/],
    ["a\nb\nc", /No table found/],
    ["Name\tValue", /Only a header row/],
  ])("%j", (text, message) => {
    const r = importTable(text, { language: "en" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason.en).toMatch(message);
      expect(r.reason.zh).not.toBe("");
    }
  });

  it("more lines than allowed", () => {
    const r = importTable("a\tb\n".repeat(20), { language: "zh", maxLines: 10 });
    expect(r.ok ? "" : r.reason.zh).toContain("最多读取 10 行");
  });
});
