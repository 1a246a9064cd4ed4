print("travaux")
