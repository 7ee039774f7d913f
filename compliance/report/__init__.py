"""Report: the Report model, redaction, writing reports safely (output), one writer per format."""
