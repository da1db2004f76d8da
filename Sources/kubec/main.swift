print("kubec")
