import { defineOperation } from "@/lib/api/operation";
import { DashboardQuerySchema, DashboardSchema, ExportDashboardQuerySchema } from "@/lib/schemas/dashboard";
import { ExportFileSchema, XLSX_TYPE } from "@/lib/schemas/exports";

// The township dashboard (issue 9 points 4 and 8).

export const getTownshipDashboard = defineOperation({
  id: "getTownshipDashboard", method: "GET", path: "/township/dashboard", tag: "township", permission: "dashboard.read",
  summary: "The dashboard's figures for a year: entries per village and quarter by category, participation (households with a confirmed red), the review backlog, open appeals by age, and per clerk the shares of yellow and black with a flag where far from the township's norm",
  query: DashboardQuerySchema, response: DashboardSchema,
});

export const exportTownshipDashboard = defineOperation({
  id: "exportTownshipDashboard", method: "GET", path: "/township/dashboard/export", tag: "township", permission: "dashboard.read",
  summary: "One table of the dashboard (byVillageQuarter, participation, backlog, openAppeals or clerks) as the page shows it, as .xlsx or (format=csv) text/csv, with the page's headers in the caller's language",
  query: ExportDashboardQuerySchema, response: ExportFileSchema, produces: XLSX_TYPE,
});
