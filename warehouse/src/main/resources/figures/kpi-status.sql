SELECT la, kpi, position, loaded, reason, description, target_source FROM kpi_status
