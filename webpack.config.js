// Follows the layout of Microsoft's "Excel Custom Functions using a Shared Runtime" template:
// one page (taskpane.html) hosts the functions, the commands and the task pane in one runtime.
require("./scripts/ts-require");
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { localizeMetadata } = require("./src/functions/localize.ts");
const { emitFeed } = require("./scripts/feed-assets.ts");
const { renderFunctionHelpRows } = require("./src/functions/reference.ts");
const { checkMetadataLock, manifestVersion, readLock } = require("./scripts/metadata-lock.ts");
const { DEV_URL, devServerCorsHeaders, localhostWarning, taskpanePolicy, workbenchPolicy } = require("./scripts/hosting.ts");
const { version: PACKAGE_VERSION } = require("./package.json");
const DEV_PORT = process.env.npm_package_config_dev_server_port || 3000;

/** The production base URL, e.g. https://addin.example.com/ai-compute/ (must be https). */
function productionUrl() {
  const url = process.env.ADDIN_BASE_URL;
  if (!url) return null;
  if (!/^https:\/\/[^\s]+\/$/.test(url)) throw new Error(`ADDIN_BASE_URL must be an https URL ending in "/", got "${url}"`);
  return url;
}

/** Writes functions.zh-CN.json next to functions.json from the one translation table. */
class LocalizedMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalizedMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "LocalizedMetadataPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, (assets) => {
        const source = assets["functions.json"];
        if (!source) return; // the metadata plugin reported an error already
        const zh = localizeMetadata(JSON.parse(source.source().toString()), "zh-CN");
        compilation.emitAsset("functions.zh-CN.json", new webpack.sources.RawSource(JSON.stringify(zh, null, 2)));
      });
    });
  }
}

/** Emits the dataset feed under data/: catalog.json, <id>.json, feed.schema.json. */
class FeedPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FeedPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "FeedPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const [file, text] of emitFeed()) compilation.emitAsset(`data/${file}`, new webpack.sources.RawSource(text));
      });
    });
  }
}

/**
 * Fails the build (warns in development) when functions.json or functions.zh-CN.json differ from
 * metadata.lock.json without a new package.json version: Excel caches the metadata per manifest
 * version (see scripts/metadata-lock.ts for Microsoft's guidance).
 */
class MetadataLockPlugin {
  constructor(strict) {
    this.strict = strict;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("MetadataLockPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "MetadataLockPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, (assets) => {
        const en = assets["functions.json"];
        const zh = assets["functions.zh-CN.json"];
        if (!en || !zh) return; // the metadata plugin reported an error already
        const check = checkMetadataLock(readLock(), PACKAGE_VERSION, {
          "functions.json": en.source().toString(),
          "functions.zh-CN.json": zh.source().toString(),
        });
        if (!check.ok) (this.strict ? compilation.errors : compilation.warnings).push(new webpack.WebpackError(check.message));
      });
    });
  }
}

/**
 * Prints the localhost warning as the very last line of a production build. The webpack CLI
 * prints its stats after every compiler hook has run (webpack closes the compiler first), so
 * the line is written when the process exits.
 */
class LocalhostWarningPlugin {
  apply(compiler) {
    let warning = null;
    compiler.hooks.thisCompilation.tap("LocalhostWarningPlugin", (compilation) => {
      // Read while the asset is in memory (webpack frees emitted sources before `done`).
      compilation.hooks.processAssets.tap({ name: "LocalhostWarningPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, (assets) => {
        warning = assets["manifest.xml"] ? localhostWarning(assets["manifest.xml"].source().toString()) : null;
      });
    });
    compiler.hooks.done.tap("LocalhostWarningPlugin", () => {
      if (warning && !LocalhostWarningPlugin.registered) {
        LocalhostWarningPlugin.registered = true;
        process.once("exit", () => console.warn(`\n${warning}`));
      }
    });
  }
}

async function devServerHttps() {
  // Only `npm run dev-server` / `npm start` touch certificates; `npm run build` never does.
  const devCerts = require("office-addin-dev-certs");
  try {
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (error) {
    // Installing the CA into the system store can fail (on Linux it runs `sudo
    // update-ca-certificates`, and sudo may be absent). The certificate itself was generated
    // before that step: serve with it and say how to trust it, rather than not serving at all.
    const defaults = require("office-addin-dev-certs/lib/defaults");
    const fs = require("fs");
    if (![defaults.caCertificatePath, defaults.localhostCertificatePath, defaults.localhostKeyPath].every((f) => fs.existsSync(f))) throw error;
    console.warn(
      `\nCould not add the development CA to the system's trusted certificates (${error.message.split("\n")[0]}).\n` +
        `Serving https with ${defaults.localhostCertificatePath} anyway. To trust it, import ${defaults.caCertificatePath}\n` +
        "into your browser or system store (Linux as root: cp it to /usr/local/share/ca-certificates/ and run update-ca-certificates).\n"
    );
    return {
      ca: fs.readFileSync(defaults.caCertificatePath),
      key: fs.readFileSync(defaults.localhostKeyPath),
      cert: fs.readFileSync(defaults.localhostCertificatePath),
    };
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  // The workbench (src/workbench/) bundles HyperFormula (GPL-3.0): development builds and
  // `--env workbench` only; `npm run build` never contains it (tests/build/no-hyperformula.test.ts).
  const workbench = dev || Boolean(env && env.workbench);
  const serving = process.argv.includes("serve");
  const prodUrl = productionUrl();
  // Office manifests carry up to four numbers: package.json's 0.2.0 is <Version>0.2.0.0</Version>.
  const addinVersion = manifestVersion(PACKAGE_VERSION);
  // Fixed for this build and public in the page: not a real (per-request) nonce. See scripts/hosting.ts.
  const cspNonce = require("crypto").randomBytes(16).toString("base64");
  const config = {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      // The ribbon's handlers, associated at the top of their script (src/commands/commands.ts);
      // they share one module instance of the pane's controller with the pane (dependOn).
      commands: { import: "./src/commands/commands.ts", dependOn: "functions" },
      // The page loads functions.js first; the pane reuses its modules (datasets, validator)
      // instead of shipping them twice. functions.js stays loadable on its own.
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: ["functions", "commands"] },
      // Dev only: the task pane on a HyperFormula workbook, without Office (no office.js).
      ...(workbench ? { workbench: "./src/workbench/index.tsx" } : {}),
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Lazy chunks (the pane's model templates, Epoch AI's table) load relative to the page,
      // which sits beside them. Not "auto": its runtime throws where there is no document (the
      // custom-functions runtime test evaluates functions.js, which carries the shared runtime).
      publicPath: "",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    // The shared runtime runs in Office 2021 / Microsoft 365 webviews: ES2020, no polyfills.
    target: ["web", "es2020"],
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { onlyCompileBundledFiles: true, transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new LocalizedMetadataPlugin(),
      new MetadataLockPlugin(!dev),
      new FeedPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Functions first: they must register even while the pane is still loading.
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
        templateParameters: { cspPolicy: taskpanePolicy(cspNonce), cspNonce },
      }),
      new HtmlWebpackPlugin({
        filename: "help.html",
        template: "./src/help/help.html",
        chunks: [],
        templateParameters: { functionRows: renderFunctionHelpRows() },
      }),
      ...(workbench
        ? [
            new HtmlWebpackPlugin({
              filename: "workbench.html",
              template: "./src/workbench/workbench.html",
              chunks: ["workbench"],
              templateParameters: { cspPolicy: workbenchPolicy(cspNonce), cspNonce },
            }),
          ]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // The ribbon tab's button icons (manifest.xml, scripts/render-ribbon-icons.mjs).
          { from: "assets/ribbon/*.png", to: "assets/ribbon/[name][ext]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              const xml = content.toString().replace(/<Version>[^<]*<\/Version>/, `<Version>${addinVersion}</Version>`);
              return prodUrl && !dev ? xml.split(DEV_URL).join(prodUrl) : xml;
            },
          },
        ],
      }),
    ],
    devServer: {
      // Only this machine: the dev server serves unminified code and a dev certificate.
      host: "localhost",
      hot: false,
      liveReload: true,
      // CORS only where Excel needs it: its web page fetching functions.json (scripts/hosting.ts).
      headers: (req) => devServerCorsHeaders(req.url || "", req.headers.origin),
      static: { directory: path.resolve(__dirname, "dist"), publicPath: "/" },
      port: DEV_PORT,
    },
  };
  if (!dev && !serving) config.plugins.push(new LocalhostWarningPlugin());
  if (serving) config.devServer.server = { type: "https", options: await devServerHttps() };
  return config;
};
