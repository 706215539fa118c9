/*
 * Builds the add-in into dist/addin: the task pane page, its script and stylesheet, the dialogue
 * worker with the HiGHS solver's WebAssembly beside it, the icons, the help page and the manifest.
 * `webpack serve` (npm run dev-server) adds https on localhost:3000 with the certificates of
 * office-addin-dev-certs; a plain build needs no certificates.
 *
 * env.outputPath builds elsewhere (the browser test builds into test-output/ when dist/ is stale);
 * env.http serves plain http, for a look in a desktop browser without certificates (Office
 * itself loads add-ins over https only).
 */
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_SERVER_PORT = 3000;

/** Node built-ins the emscripten loader of HiGHS reaches for only when it runs under Node. */
const NODE_ONLY_MODULES = ['fs', 'path', 'crypto', 'url', 'module', 'os', 'child_process', 'worker_threads'];

async function httpsOptions() {
  // Loaded only when serving, so a build works on machines without the developer certificates.
  const devCerts = require('office-addin-dev-certs');
  return devCerts.getHttpsServerOptions();
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const dev = mode === 'development';
  const https = Boolean(env.WEBPACK_SERVE) && !env.http;
  return {
    mode,
    context: __dirname,
    target: 'web',
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/taskpane.ts',
      // A worker cannot load chunks with <script> tags; it imports them.
      'dialogue-worker': { import: './src/taskpane/worker/dialogueWorker.ts', chunkLoading: 'import-scripts' },
    },
    output: {
      path: env.outputPath ? path.resolve(env.outputPath) : path.resolve(__dirname, 'dist/addin'),
      filename: '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.js'],
      fallback: Object.fromEntries(NODE_ONLY_MODULES.map((name) => [name, false])),
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // ES module output lets webpack tree-shake turf and the rest.
            options: {
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              compilerOptions: { module: 'esnext', sourceMap: dev },
              onlyCompileBundledFiles: true,
            },
          },
        },
        {
          // HiGHS finds highs.wasm through the worker's locateFile; without this webpack would emit
          // a second, hashed copy for the loader's `new URL('highs.wasm', import.meta.url)` fallback.
          // Its `import('node:module')` (Node only) is inlined rather than split into a chunk file.
          test: /[\\/]highs[\\/]build[\\/]highs\.m?js$/,
          parser: { url: false, dynamicImportMode: 'eager' },
        },
      ],
    },
    plugins: [
      // `node:fs` and friends: strip the scheme so resolve.fallback turns them into empty modules.
      new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
        resource.request = resource.request.replace(/^node:/, '');
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
          { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
          { from: path.join(path.dirname(require.resolve('highs')), 'highs.wasm'), to: 'highs.wasm' },
        ],
      }),
    ],
    devServer: {
      port: DEV_SERVER_PORT,
      static: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      // No live-reload client: it would be injected into the worker too, and opens a socket the
      // page's Content-Security-Policy does not need. Reload the pane to see a change.
      hot: false,
      liveReload: false,
      client: false,
      webSocketServer: false,
      server: https ? { type: 'https', options: await httpsOptions() } : 'http',
    },
    performance: { hints: false },
  };
};
