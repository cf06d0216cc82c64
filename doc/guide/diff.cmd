# The guide's 比对: the draft sent back and the one corrected.
#+ file sample-data/jinzhai-2024-errors.yaml 退回的.yaml
#+ file sample-data/jinzhai-2024.yaml 改正后.yaml
nianbao diff 退回的.yaml 改正后.yaml
