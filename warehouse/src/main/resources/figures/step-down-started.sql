SELECT la, year, placements FROM step_down_started
