"""PDF documents drawn with ReportLab from plain data. No Qt, no database access."""
