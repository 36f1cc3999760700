import PrikbordUI
