// Puppeteer must never download its own Chrome here: we use Debian's chromium (see README).
module.exports = { skipDownload: true };
