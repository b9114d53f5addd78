import fs from "node:fs";
import http from "node:http";
import { type AddressInfo } from "node:net";
import path from "node:path";

/**
 * A small web site in the test process, serving the HTML fixtures of
 * test/fixtures/pages, so the page crawl runs against real HTTP in real Chromium.
 * Every request is logged with its arrival time and User-Agent.
 */
export const PAGE_FIXTURES = path.resolve("test/fixtures/pages");

export type Route =
  | string // a fixture file under test/fixtures/pages
  | { status: number; body?: string; contentType?: string }
  | "hang"; // never answers (timeouts)

export type Hit = { path: string; at: number; userAgent: string };

export async function serveSite(routes: Record<string, Route>) {
  const hits: Hit[] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((request, response) => {
    const url = request.url ?? "/";
    hits.push({ path: url, at: performance.now(), userAgent: request.headers["user-agent"] ?? "" });
    const route = routes[url];
    if (route === "hang") {
      hanging.add(response);
      return;
    }
    if (typeof route === "string") {
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      response.end(fs.readFileSync(path.join(PAGE_FIXTURES, route)));
      return;
    }
    const { status, body, contentType } = route ?? { status: 404, body: "<h1>Не найдено</h1>" };
    response.writeHead(status, { "Content-Type": contentType ?? "text/html; charset=utf-8" });
    response.end(body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    hits,
    /** Paths requested, in order. */
    paths: () => hits.map((h) => h.path),
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of hanging) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The career site of the fixtures: two result pages, applicants, a robots.txt that keeps one applicant private. */
export function careerSiteRoutes(robots = "User-agent: *\nDisallow: /careers/applicants/A-1003\n"): Record<string, Route> {
  return {
    "/robots.txt": { status: 200, body: robots, contentType: "text/plain" },
    "/careers/applications": "career-site/applications-1.html",
    "/careers/applications?page=2": "career-site/applications-2.html",
    "/careers/applicants/A-1001": "career-site/applicant-A-1001.html",
    "/careers/applicants/A-1002": "career-site/applicant-A-1002.html",
    "/careers/applicants/A-1003": "career-site/applicant-A-1003.html",
    "/careers/applicants/A-1004": "career-site/applicant-A-1004.html",
  };
}

/** The partner board of the fixtures: no robots.txt at all (404), one result page, three resumes. */
export function partnerBoardRoutes(): Record<string, Route> {
  return {
    "/resumes/search?text=key+account+manager": "partner-board/search.html",
    "/resume/7f3a9c21": "partner-board/resume-7f3a9c21.html",
    "/resume/b52e0d17": "partner-board/resume-b52e0d17.html",
    "/resume/c9d8e7f6": "partner-board/resume-c9d8e7f6.html",
  };
}
