/** The demo accounts documented in the README (seeded by app/demo). */
export const DEMO = {
  admin: { email: "admin@kam.demo", password: "admin-demo-2026" },
  recruiter: { email: "recruiter@kam.demo", password: "recruiter-demo-2026" },
  manager: { email: "manager@kam.demo", password: "manager-demo-2026" },
  head: { email: "head@kam.demo", password: "head-demo-2026" },
} as const;
